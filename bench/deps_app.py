"""The floor with okrtui's dependencies: the bare Textual app, after importing pydantic and
okrtui's models (what any okrtui start pays before it reads a session)."""

import okrtui.models  # noqa: F401  (pydantic builds every model's validator at import)
from bench.bare_app import Bare

if __name__ == "__main__":
    Bare().run()

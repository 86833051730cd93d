"""Benchmarks of okrtui. Every bench that runs the app imports this package first, so they
all run it without a method card opening by itself over the screen they measure."""

import os

os.environ.setdefault("OKRTUI_NO_CARDS", "1")

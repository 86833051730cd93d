"""What every hostile input must give: a session that can be saved again, or one clean
refusal naming the file in both languages."""

import re
import tomllib
from typing import Any

from okrtui.i18n import catalog
from okrtui.models import Session
from okrtui.problems import FileProblem
from okrtui.storage import dumps_session, parse_session

PATH = "hostile.toml"
LIBRARY_ENGLISH = re.compile(
    r"Field required|Input should|[Ss]hould (?:be|have|match)|Extra inputs|Value error|"
    r"required key|unknown key|\(in id |Invalid |Expected |Unclosed|Unterminated|Cannot |"
    r"invalid character|Illegal|at line \d|end of document|nested too deeply|"
    r"too many digits|Permission denied|No such file|Is a directory|must (?:be|not)|"
    r"is not a|no \w+ has id|is already used|listed twice|unknown rule")
"""The words pydantic, tomllib, strerror and okrtui's own validators write in English."""


def load_or_refuse(data: bytes, path: str = PATH) -> Session | None:
    """parse_session(data): a Session, or None when it raised a FileProblem whose messages
    are sound. Any other exception propagates and fails the test."""
    try:
        session = parse_session(data, path)
    except FileProblem as error:
        for language in ("en", "fr"):
            tr = catalog(language)
            message = error.message(tr)
            assert isinstance(message, str)
            assert message.startswith(f"{path}{tr('export.colon')} "), message
            assert error.key in catalog(language), f"no {language} message for {error.key}"
        french = error.message(catalog("fr"))
        assert LIBRARY_ENGLISH.search(french) is None, french
        assert str(error).startswith(f"{path}: ")
        return None
    assert isinstance(session, Session)
    # A session that opens can be saved, and what is saved opens as the same session.
    text = dumps_session(session)
    assert_plain_toml(text)
    assert parse_session(text.encode("utf-8")) == session
    return session


def assert_plain_toml(text: str) -> None:
    """What okrtui writes is TOML 1.0 that any reader takes: every integer within 64 bits
    (Python's tomllib reads larger ones; other readers refuse the file)."""

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, int) and not isinstance(value, bool):
            assert -(2**63) <= value < 2**63, f"{value} does not fit a TOML integer"

    walk(tomllib.loads(text))

"""What reaches a terminal: names and text with their control characters written out."""

import os
from pathlib import Path

from okrtui.i18n import catalog
from okrtui.problems import SaveError, SessionFileError
from okrtui.text import for_terminal, show_path


def test_escape_sequences_are_written_out_not_sent() -> None:
    assert for_terminal("a\x1b]0;pwned\x07b\x1b[2J") == "a\\x1b]0;pwned\\x07b\\x1b[2J"


def test_c1_controls_and_del_are_written_out() -> None:
    assert for_terminal("\x9b31m\x9d0;t\x9c\x7f") == "\\x9b31m\\x9d0;t\\x9c\\x7f"


def test_newline_and_tab_are_kept_in_text_but_not_in_a_path() -> None:
    assert for_terminal("a\n\tb") == "a\n\tb"
    assert show_path(Path("a\nb\tc")) == "a\\x0ab\\x09c"


def test_a_name_that_is_not_utf8_shows_its_byte_and_can_be_printed() -> None:
    name = os.fsdecode(b"caf\xe9.toml")
    shown = show_path(Path(name))
    assert shown == "caf\\xe9.toml"
    shown.encode("utf-8")  # no UnicodeEncodeError
    assert for_terminal("\ud800") == "\\ud800"


def test_plain_text_and_accents_are_unchanged() -> None:
    text = "Équipe « produit » : 12\u202f% — ok"
    assert for_terminal(text) == text == show_path(text)


def test_a_file_problem_shows_the_path_and_values_safely() -> None:
    tr = catalog("en")
    problem = SessionFileError(Path("x\x1b[2J.toml"), "compare.save.in_use",
                               host="evil\x1b]0;t\x07", pid=1)
    message = problem.message(tr)
    assert "\x1b" not in message and "\x07" not in message
    assert message.startswith("x\\x1b[2J.toml: ")
    assert "evil\\x1b]0;t\\x07" in message
    folder = Path(os.fsdecode(b"d\xe9\n"))
    message = SaveError(folder / "s.toml", "save.cannot_write", folder=folder,
                        reason="x").message(tr)
    assert "d\\xe9\\x0a" in message
    message.encode("utf-8")


def test_a_c1_control_in_an_unknown_key_is_not_printed_raw() -> None:
    from okrtui.storage import parse_session

    data = 'schema_version = 1\ntitle = "T"\n"\u009b2J\u009d0;x" = 1\n'.encode()
    try:
        parse_session(data, "s.toml")
    except SessionFileError as error:
        message = error.message(catalog("en"))
    assert "\u009b" not in message and "\u009d" not in message
    assert "\\x9b2J" in message

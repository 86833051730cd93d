"""Why a file is refused, told in the reader's language: pydantic's error types, tomllib's
messages and errno come from the catalogs; French never shows the library's English."""

import errno
import os
import tomllib
from pathlib import Path

import pytest
from property.checks import LIBRARY_ENGLISH

from okrtui.i18n import catalog
from okrtui.problems import SessionFileError
from okrtui.reasons import SystemReason, TomlReason
from okrtui.storage import parse_session, read_user_file

from .conftest import session_toml

TEAM = '\n[[teams]]\nid = "team1"\nname = "Core"\n'
OBJECTIVE = '\n[[teams.objectives]]\nid = "o1"\ntext = "Grandir"\n'
KR = '\n[[teams.objectives.key_results]]\nid = "k1"\ntext = "Doubler"\n'

# A session file per pydantic error type (and okrtui's own), and the field path it names.
HOSTILE: dict[str, tuple[str, str]] = {
    "missing": (TEAM.replace('name = "Core"\n', ""), "teams[0].name"),
    "extra_forbidden": (TEAM + 'titel = "x"\n', "teams[0].titel"),
    "string_type": (TEAM.replace('"Core"', "3"), "teams[0].name"),
    "string_pattern_mismatch": (TEAM.replace('"team1"', '"a b"'), "teams[0].id"),
    "int_type": (TEAM, "dots_per_person"),
    "bool_type": (TEAM + OBJECTIVE + "set_aside = 1\n", "teams[0].objectives[0].set_aside"),
    "literal_error": (TEAM, "language"),
    "greater_than_equal": (TEAM, "dots_per_person"),
    "less_than_equal": (TEAM, "dots_per_person"),
    "list_type": (TEAM + OBJECTIVE + 'key_results = "x"\n', "key_results"),
    "model_type": (TEAM + 'objectives = ["x"]\n', "teams[0].objectives[0]"),
    "too_short": ("teams = []\n", "teams"),
    "not_a_number": (TEAM + OBJECTIVE + KR + 'baseline = "12"\n', "key_results[0].baseline"),
    "empty_text": (TEAM + OBJECTIVE.replace('"Grandir"', '"  "'), "objectives[0].text"),
    "unknown_rule": (TEAM + OBJECTIVE + '[[teams.objectives.silenced]]\nrule = "nope"\n'
                     'reason = "r"\n', "silenced[0].rule"),
    "baseline_twice": (TEAM + OBJECTIVE + KR + "baseline = 1\nbaseline_unknown = true\n",
                       "key_results[0]"),
    "id_used": (TEAM + OBJECTIVE + KR.replace('"k1"', '"o1"'), "key_results[0]"),
    "no_participant": (TEAM + '[[teams.ideas]]\nid = "i1"\nlevel = "ambition"\ntext = "x"\n'
                       'author = "p9"\n', "teams[0].ideas[0].author"),
}


def _file(kind: str) -> str:
    body, _ = HOSTILE[kind]
    text = session_toml(body, language="fr")
    if kind == "literal_error":
        text = text.replace('language = "fr"', 'language = "de"')
    dots = {"greater_than_equal": "0", "less_than_equal": "99", "int_type": '"3"'}.get(kind)
    if dots is not None:
        text = text.replace('language = "fr"\n', f'language = "fr"\ndots_per_person = {dots}\n')
    return text


def _refusal(data: str) -> SessionFileError:
    with pytest.raises(SessionFileError) as refused:
        parse_session(data.encode("utf-8"), "s.toml")
    return refused.value


@pytest.mark.parametrize("kind", HOSTILE)
def test_each_field_problem_is_told_in_french_without_english(kind: str) -> None:
    error = _refusal(_file(kind))
    details = error.params["details"]
    assert kind in [problem.kind for problem in details.shown]
    french = error.message(catalog("fr"))
    assert HOSTILE[kind][1] in french
    assert LIBRARY_ENGLISH.search(french) is None, french
    assert "valeur refusée" not in french, french  # its own words, not the fallback


@pytest.mark.parametrize("kind", HOSTILE)
def test_each_field_problem_is_told_in_english(kind: str) -> None:
    english = _refusal(_file(kind)).message(catalog("en"))
    assert HOSTILE[kind][1] in english
    assert "field." not in english and "(" + kind + ")" not in english, english


def test_english_field_messages_keep_their_wording() -> None:
    english = _refusal(_file("missing")).message(catalog("en"))
    assert "teams[0].name (in id 'team1'): required key is missing" in english
    french = _refusal(_file("missing")).message(catalog("fr"))
    assert "teams[0].name (élément 'team1')\u00a0: clé obligatoire absente" in french


def test_a_type_without_words_of_its_own_names_the_type_not_the_english() -> None:
    from okrtui.reasons import FieldProblem

    odd = FieldProblem("teams[0].x", None, "union_tag_invalid", (), "Input tag 'x' found")
    assert odd.told(catalog("fr")) == "teams[0].x\u00a0: valeur refusée (union_tag_invalid)"
    assert odd.told(catalog("en")) == "teams[0].x: Input tag 'x' found (union_tag_invalid)"


BROKEN_TOML = [
    "title = \n",
    "a = 1 2\n",
    "[a\n",
    "x\n",
    "a = [1,\n",
    "a = {b = 1\n",
    'a = "x\n',
    "a = 1\na = 2\n",
    "[a]\n[a]\n",
    "a = 1979-13-01\n",
    "= 1\n",
    'a = "\\q"\n',
    "[[a]]\n[a]\n",
    "a = \x01\n",
]


@pytest.mark.parametrize("document", BROKEN_TOML)
def test_a_toml_error_is_told_in_french_with_its_line_and_column(document: str) -> None:
    error = _refusal(document)
    french = error.message(catalog("fr"))
    assert french.startswith("s.toml\u00a0: TOML invalide\u00a0: ")
    assert "(ligne " in french or "(à la fin du fichier)" in french, french
    assert LIBRARY_ENGLISH.search(french) is None, french
    assert "syntaxe non reconnue" not in french, french  # each is a known message


@pytest.mark.parametrize("document", BROKEN_TOML)
def test_a_toml_error_in_english_keeps_tomllib_s_position(document: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(document)
    position = str(caught.value).rsplit(" (at ", 1)[1]
    assert f"(at {position}" in _refusal(document).message(catalog("en"))


def test_tomllib_s_limits_are_told_in_both_languages() -> None:
    deep = _refusal("a = " + "[" * 100_000 + "]" * 100_000)
    assert "imbriquées trop profondément" in deep.message(catalog("fr"))
    assert "nested too deeply" in deep.message(catalog("en"))
    assert TomlReason("Something new (at line 3, column 4)").told(catalog("fr")) == (
        "syntaxe non reconnue (ligne 3, colonne 4)")
    assert TomlReason("Something new (at line 3, column 4)").told(catalog("en")) == (
        "Something new (at line 3, column 4)")


MAPPED_ERRNOS = ["EACCES", "EPERM", "ENOENT", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS",
                 "ENAMETOOLONG", "EEXIST", "EXDEV", "EBUSY", "ELOOP", "EMFILE", "EDQUOT",
                 "EFBIG", "EIO", "ETXTBSY", "EINVAL", "ENXIO", "EAGAIN"]


@pytest.mark.parametrize("name", MAPPED_ERRNOS)
def test_an_os_error_is_told_by_its_errno(name: str) -> None:
    code = getattr(errno, name)
    reason = SystemReason(code, os.strerror(code))
    assert reason.told(catalog("en")) == os.strerror(code)
    french = reason.told(catalog("fr"))
    assert os.strerror(code) not in french and name not in french
    assert french == catalog("fr")(f"os_error.{name}")


def test_an_errno_without_words_shows_its_name_not_the_english() -> None:
    reason = SystemReason(errno.ENOTSOCK, os.strerror(errno.ENOTSOCK))
    assert reason.told(catalog("fr")) == "erreur système ENOTSOCK"
    assert reason.told(catalog("en")) == f"{os.strerror(errno.ENOTSOCK)} (ENOTSOCK)"


def test_a_name_too_long_is_told_in_french(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError) as refused:
        read_user_file(tmp_path / ("x" * 300), 100, SessionFileError)
    assert refused.value.message(catalog("fr")).endswith("illisible (nom de fichier trop long).")
    assert refused.value.message(catalog("en")).endswith("cannot be read (File name too long).")

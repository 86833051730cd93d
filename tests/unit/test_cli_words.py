"""Every word the command line prints comes from the catalogs: argparse's help and usage
errors, and the colon of `check` lines and file problems (« : » after U+00A0 in French,
English unchanged byte for byte)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from okrtui.cli import main
from okrtui.cli_args import usage_error
from okrtui.i18n import catalog
from okrtui.storage import save_session

from .conftest import build_session, okrtui_env, run_okrtui

ARGPARSE_ENGLISH = re.compile(
    r"usage:|error:|positional arguments|show this help|required|invalid choice|choose from|"
    r"expected (?:one|at)|not allowed|unrecognized|ignored explicit")

BAD_ARGUMENTS = {
    "required": ["check"],
    "invalid_choice": ["check", "x.toml", "--format", "xml"],
    "expected_one": ["export", "x.toml", "-o"],
    "not_allowed_with": ["coach", "--objective", "a", "--kr", "b"],
    "one_of": ["coach", "--format", "json"],
    "unrecognized": ["check", "x.toml", "--bogus"],
    "ignored_explicit": ["export", "x.toml", "--force=yes"],
}


def _usage_failure(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


@pytest.mark.parametrize("argv", BAD_ARGUMENTS.values(), ids=BAD_ARGUMENTS.keys())
def test_a_usage_error_in_french_has_no_argparse_english(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    err = _usage_failure([*argv, "--lang", "fr"], capsys)
    assert err.startswith("utilisation\u00a0: okrtui")
    assert "\u00a0: erreur\u00a0: " in err
    assert ARGPARSE_ENGLISH.search(err) is None, err
    assert "arguments incorrects" not in err  # each is a known error, told with its detail


@pytest.mark.parametrize("argv", BAD_ARGUMENTS.values(), ids=BAD_ARGUMENTS.keys())
def test_a_usage_error_in_english_is_argparse_s_own_wording(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    err = _usage_failure([*argv, "--lang", "en"], capsys)
    assert err.startswith("usage: okrtui")
    assert re.search(r"^okrtui[\w -]*: error: \S", err, re.MULTILINE), err
    assert "cli.args." not in err


def test_an_error_argparse_words_in_a_way_not_known_is_told_without_its_english() -> None:
    assert usage_error("something new: x", catalog("fr")) == (
        "arguments incorrects\u202f; voir okrtui --help")
    assert usage_error("something new: x", catalog("en")) == "something new: x"
    assert usage_error("argument --x: a reason not known", catalog("en")) == (
        "argument --x: a reason not known")


def test_help_in_french_is_all_french(tmp_path: Path) -> None:
    result = run_okrtui(tmp_path, "check", "--help", "--lang", "fr")
    assert result.returncode == 0
    assert result.stdout.startswith("utilisation\u00a0: okrtui check")
    assert "afficher cette aide et quitter" in result.stdout
    assert "options\u00a0:" in result.stdout and "FICHIER" in result.stdout
    assert ARGPARSE_ENGLISH.search(result.stdout) is None, result.stdout


def test_help_follows_the_locale_when_no_language_is_asked(tmp_path: Path) -> None:
    env = {**okrtui_env(tmp_path), "LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    result = subprocess.run([sys.executable, "-m", "okrtui", "--help"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=30,
                            stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("utilisation\u00a0: okrtui"), result.stdout
    assert "(okrtui COMMANDE --help)" in result.stdout


def _sessions(tmp_path: Path, language: str) -> list[Path]:
    paths = [tmp_path / f"{name}.toml" for name in ("a", "b")]
    for path in paths:
        save_session(build_session([2, 2, 2, 2], language=language), path)
    return paths


def test_check_lines_in_french_use_the_catalog_s_colon(tmp_path: Path) -> None:
    result = run_okrtui(tmp_path, "check", *_sessions(tmp_path, "fr"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    finding = next(line for line in lines if "limit.objectives" in line)
    assert re.match(r"\S+a\.toml\u00a0: erreur\u00a0: limit\.objectives objectives\u00a0: ",
                    finding), finding
    assert not any(re.search(r"\S: ", line) for line in lines), lines


def test_check_lines_in_english_keep_their_format(tmp_path: Path) -> None:
    result = run_okrtui(tmp_path, "check", *_sessions(tmp_path, "en"))
    finding = next(line for line in result.stdout.splitlines() if "limit.objectives" in line)
    assert re.match(r"\S+a\.toml: error: limit\.objectives objectives: \S", finding), finding
    assert "\u00a0" not in result.stdout


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "okrtui\u00a0: {path}\u00a0: illisible (un élément du chemin n’est pas un dossier)."),
    ("en", "okrtui: {path}: cannot be read (Not a directory)."),
])
def test_a_file_problem_is_told_in_the_catalog_s_words_and_colon(
    tmp_path: Path, language: str, expected: str
) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    path = tmp_path / "plain" / "session.toml"  # ENOTDIR: strerror would say it in English
    result = run_okrtui(tmp_path, "check", path, "--lang", language)
    assert result.returncode == 2
    assert expected.format(path=path) in result.stderr, result.stderr

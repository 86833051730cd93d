"""The `okrtui` command line, run as a user runs it: exit codes, messages, files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from okrtui import __version__
from okrtui.storage import save_session

from .conftest import (
    MINIMAL_TOML,
    build_session,
    cover_every_kr,
    okrtui_env,
    rich_session,
    run_okrtui,
    write,
)


def assert_clean_failure(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("okrtui: ")
    for word in words:
        assert word in result.stderr


@pytest.fixture
def clean_file(tmp_path: Path) -> Path:
    session = build_session([2, 2])
    cover_every_kr(session)
    path = tmp_path / "clean.toml"
    save_session(session, path)
    return path


@pytest.fixture
def over_limit_file(tmp_path: Path) -> Path:
    session = build_session([2, 2, 2, 2])
    cover_every_kr(session)
    path = tmp_path / "four.toml"
    save_session(session, path)
    return path


# --- check --------------------------------------------------------------------------------


def test_check_a_clean_file_exits_0(tmp_path: Path, clean_file: Path) -> None:
    result = run_okrtui(tmp_path, "check", clean_file)
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stdout
    assert result.stderr == ""


def test_check_more_than_three_objectives_exits_1(tmp_path: Path, over_limit_file: Path) -> None:
    result = run_okrtui(tmp_path, "check", over_limit_file)
    assert result.returncode == 1, result.stderr
    assert "limit.objectives" in result.stdout
    assert "1 error," in result.stdout


def test_check_warnings_only_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "thin.toml"
    save_session(build_session([1]), path)
    result = run_okrtui(tmp_path, "check", path)
    assert result.returncode == 0
    assert "kr.too_few" in result.stdout


def test_check_speaks_the_session_language_unless_told(tmp_path: Path) -> None:
    path = tmp_path / "fr.toml"
    save_session(build_session([2, 2, 2, 2], language="fr"), path)
    french = run_okrtui(tmp_path, "check", path)
    assert "erreur\u00a0: limit.objectives" in french.stdout  # the catalog's colon
    english = run_okrtui(tmp_path, "check", path, "--lang", "en")
    assert "error: limit.objectives" in english.stdout


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"title = \n", ["TOML", "line 1"]),
        (MINIMAL_TOML.encode().replace(b"Atelier", b"\xc9quipe"), ["UTF-8", "line 2"]),
        (b'[project]\nname = "x"\n', ["schema_version"]),
        (MINIMAL_TOML.replace("schema_version = 1", "schema_version = 99").encode(), ["newer"]),
        (MINIMAL_TOML.replace('name = "Core"', "name = 3").encode(), ["teams[0].name"]),
    ],
    ids=["not-toml", "not-utf8", "not-a-session", "newer", "wrong-type"],
)
def test_check_an_unusable_file_exits_2(tmp_path: Path, content: bytes, words: list[str]) -> None:
    path = write(tmp_path / "bad.toml", content)
    result = run_okrtui(tmp_path, "check", path)
    assert_clean_failure(result, str(path), *words)
    assert result.stdout == ""
    assert path.read_bytes() == content


def test_check_a_missing_file_or_a_folder_exits_2(tmp_path: Path) -> None:
    assert_clean_failure(run_okrtui(tmp_path, "check", "nope.toml"), "nope.toml")
    (tmp_path / "dir").mkdir()
    assert_clean_failure(run_okrtui(tmp_path, "check", "dir"), "folder")


def test_check_json_lists_findings(tmp_path: Path, over_limit_file: Path) -> None:
    result = run_okrtui(tmp_path, "check", "--format", "json", over_limit_file)
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert isinstance(findings, list) and findings
    for finding in findings:
        assert {"rule", "severity", "item", "message", "suggestion"} <= set(finding)
        assert all(isinstance(finding[key], str) for key in finding)
    assert findings[0]["rule"] == "limit.objectives"
    assert findings[0]["severity"] == "error"
    assert findings[0]["item"] == "objectives"


def test_check_json_of_a_clean_file_is_an_empty_list(tmp_path: Path, clean_file: Path) -> None:
    result = run_okrtui(tmp_path, "check", clean_file, "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == []


def test_check_json_keeps_accents_readable(tmp_path: Path) -> None:
    path = tmp_path / "fr.toml"
    save_session(build_session([1], language="fr"), path)
    result = run_okrtui(tmp_path, "check", path, "--format", "json")
    [finding] = [f for f in json.loads(result.stdout) if f["rule"] == "kr.too_few"]
    assert "résultat" in finding["message"]
    assert "résultat" in result.stdout


# --- export -------------------------------------------------------------------------------


def test_export_markdown_to_stdout(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(rich_session(), path)
    result = run_okrtui(tmp_path, "export", path, "--to", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Atelier OKR")
    assert "## Objectif 1" in result.stdout
    assert not list(tmp_path.glob("*.md"))


def test_export_markdown_to_a_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(rich_session(), path)
    before = path.read_bytes()
    out = tmp_path / "résumé.md"
    result = run_okrtui(tmp_path, "export", path, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert str(out) in result.stderr
    assert out.read_text(encoding="utf-8").startswith("# Atelier OKR")
    assert path.read_bytes() == before


def test_export_to_a_missing_folder_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(rich_session(), path)
    result = run_okrtui(tmp_path, "export", path, "-o", tmp_path / "no" / "out.md")
    assert_clean_failure(result, "out.md")


def test_export_an_unusable_file_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.toml", b"\xff\xfe")
    assert_clean_failure(run_okrtui(tmp_path, "export", path), "UTF-8")


# --- new / open ---------------------------------------------------------------------------


def test_new_refuses_an_existing_file_and_leaves_it_alone(tmp_path: Path) -> None:
    path = write(tmp_path / "existing.toml", MINIMAL_TOML)
    stamp = path.stat().st_mtime_ns
    result = run_okrtui(tmp_path, "new", path)
    assert_clean_failure(result, str(path), "okrtui open")
    assert path.read_text(encoding="utf-8") == MINIMAL_TOML
    assert path.stat().st_mtime_ns == stamp


def test_open_a_missing_file_exits_2_and_suggests_new(tmp_path: Path) -> None:
    result = run_okrtui(tmp_path, "open", "missing.toml")
    assert_clean_failure(result, "missing.toml", "okrtui new")
    assert not (tmp_path / "missing.toml").exists()


def test_open_an_unusable_file_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.toml", "not = [toml")
    assert_clean_failure(run_okrtui(tmp_path, "open", path), "TOML")


def test_a_missing_file_given_without_command_exits_2(tmp_path: Path) -> None:
    assert_clean_failure(run_okrtui(tmp_path, "missing.toml"), "missing.toml")


# --- version and help ---------------------------------------------------------------------


def test_version(tmp_path: Path) -> None:
    result = run_okrtui(tmp_path, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"okrtui {__version__}"


def test_main_help_lists_the_commands(tmp_path: Path) -> None:
    result = run_okrtui(tmp_path, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: okrtui")
    for command in ("new", "open", "check", "export"):
        assert command in result.stdout


@pytest.mark.parametrize("command", ["new", "open", "check", "export"])
def test_help_of_each_command(tmp_path: Path, command: str) -> None:
    result = run_okrtui(tmp_path, command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: okrtui {command}")
    assert "--lang" in result.stdout


def test_help_in_french(tmp_path: Path) -> None:
    result = run_okrtui(tmp_path, "check", "--help", "--lang", "fr")
    assert result.returncode == 0
    assert "vérifier un fichier de session" in result.stdout


def test_a_wrong_option_is_a_usage_error(tmp_path: Path, clean_file: Path) -> None:
    result = run_okrtui(tmp_path, "check", clean_file, "--format", "xml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--format" in result.stderr


# --- the domain never pulls in the UI -----------------------------------------------------


def _run_python(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=okrtui_env(tmp_path),
        capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
    )


def test_importing_the_domain_does_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import okrtui.cli, okrtui.storage, okrtui.export, okrtui.findings, okrtui.workshop\n"
        "import okrtui.recent, okrtui.i18n, okrtui.models, okrtui.limits, okrtui.text\n"
        "print([m for m in sys.modules if m == 'textual' or m.startswith('textual.')])\n"
    )
    result = _run_python(tmp_path, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "args",
    [("check", "{file}"), ("export", "{file}"), ("check", "{file}", "--format", "json"),
     ("--help",), ("check", "--help")],
)
def test_commands_do_not_import_textual(tmp_path: Path, clean_file: Path, args: tuple) -> None:
    argv = [arg.format(file=clean_file) for arg in args]
    result = run_okrtui(tmp_path, *argv, python_flags=("-X", "importtime"))
    assert result.returncode == 0, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")]
    assert "okrtui.cli" in imported
    assert [name for name in imported if name.split(".")[0] == "textual"] == []

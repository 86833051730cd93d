"""`okrtui check` takes several files, as pre-commit passes them: each report names its
file, and the exit code is the worst of them."""

import json
from pathlib import Path

from okrtui.storage import save_session

from .conftest import build_session, cover_every_kr, run_okrtui


def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A clean file, one with an error (four objectives), one with warnings only."""
    clean = build_session([2, 2])
    cover_every_kr(clean)
    save_session(clean, tmp_path / "clean.toml")
    four = build_session([2, 2, 2, 2])
    cover_every_kr(four)
    save_session(four, tmp_path / "four.toml")
    save_session(build_session([1]), tmp_path / "thin.toml")
    return tmp_path / "clean.toml", tmp_path / "four.toml", tmp_path / "thin.toml"


def test_several_clean_files_exit_0_each_named(tmp_path: Path) -> None:
    clean, _, thin = files(tmp_path)
    result = run_okrtui(tmp_path, "check", clean, thin, "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"{clean}: no problems found." in lines
    warnings = [line for line in lines if "kr.too_few" in line]
    assert warnings and all(line.startswith(f"{thin}: ") for line in warnings)


def test_the_exit_code_is_the_worst_file(tmp_path: Path) -> None:
    clean, four, thin = files(tmp_path)
    result = run_okrtui(tmp_path, "check", clean, four, thin, "--lang", "en")
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stdout.splitlines() if "limit.objectives" in line]
    assert errors and all(line.startswith(f"{four}: error: ") for line in errors)
    assert f"{thin}:" in result.stdout and f"{clean}: no problems found." in result.stdout


def test_an_unreadable_file_is_reported_and_the_others_still_checked(tmp_path: Path) -> None:
    clean, four, _ = files(tmp_path)
    broken = tmp_path / "broken.toml"
    broken.write_text("title = \n", encoding="utf-8")
    result = run_okrtui(tmp_path, "check", broken, four, clean, "--lang", "en")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"okrtui: {broken}: ")
    assert "limit.objectives" in result.stdout and f"{clean}: no problems found." in result.stdout


def test_json_lists_the_findings_of_every_file_with_its_file(tmp_path: Path) -> None:
    clean, four, thin = files(tmp_path)
    result = run_okrtui(tmp_path, "check", clean, four, thin, "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    assert {finding["file"] for finding in findings} == {str(four), str(thin)}
    assert any(f["rule"] == "limit.objectives" and f["file"] == str(four) for f in findings)

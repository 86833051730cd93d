"""`okrtui check FILE` on hostile files: exit 0, 1 or 2 (2 exactly when the loader refuses the
file), one message on stderr, never a traceback."""

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from okrtui.cli import main
from okrtui.problems import FileProblem
from okrtui.storage import dumps_session, parse_session

from .hostile import any_bytes, broken_session_tables, toml_documents
from .sessions import sessions

OPTIONS = st.sampled_from([(), ("--lang", "fr"), ("--lang", "en"), ("--format", "json")])
hostile_files = st.one_of(
    any_bytes,
    toml_documents.map(lambda table: tomli_w.dumps(table).encode("utf-8")),
    broken_session_tables().map(lambda table: tomli_w.dumps(table).encode("utf-8")),
    sessions().map(lambda session: dumps_session(session).encode("utf-8")),
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("check")


def refused(data: bytes) -> bool:
    try:
        parse_session(data)
    except FileProblem:
        return True
    return False


def check_in_process(path: Path, options: tuple[str, ...]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["check", str(path), *options])
    return code, out.getvalue(), err.getvalue()


@given(hostile_files, OPTIONS)
def test_check_exits_0_1_or_2_and_2_exactly_when_the_file_is_refused(
    folder: Path, data: bytes, options: tuple[str, ...]
) -> None:
    path = folder / "hostile.toml"
    path.write_bytes(data)
    code, out, err = check_in_process(path, options)
    assert "Traceback" not in out + err
    if refused(data):
        assert code == 2
        assert out == ""
        colon = "\u00a0:" if "fr" in options else ":"
        assert err.startswith(f"okrtui{colon} {path}{colon} ")
    else:
        assert code in (0, 1)
        assert err == ""
    assert path.read_bytes() == data, "check never changes the file"


def run_check(folder: Path, path: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items()
           if key not in {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}}
    env.update(PYTHONIOENCODING="utf-8", OKRTUI_DATA_DIR=str(folder / "data"))
    return subprocess.run(
        [sys.executable, "-m", "okrtui", "check", str(path)],
        cwd=folder, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        encoding="utf-8", errors="replace", timeout=60,
    )


@settings(max_examples=6)
@given(hostile_files)
def test_no_traceback_reaches_the_user_of_a_real_process(folder: Path, data: bytes) -> None:
    path = folder / "process.toml"
    path.write_bytes(data)
    result = run_check(folder, path)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == (2 if refused(data) else result.returncode)
    assert result.returncode in (0, 1, 2)

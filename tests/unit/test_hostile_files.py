"""Files that once gave a traceback instead of a clean refusal (found by tests/property)."""

from pathlib import Path

import pytest

from okrtui.storage import SessionFileError, parse_session

from .conftest import run_okrtui, write


def deeply_nested(depth: int) -> bytes:
    return b"schema_version = 1\na = " + b"[" * depth + b"]" * depth + b"\n"


@pytest.mark.parametrize(
    "data",
    [
        deeply_nested(100_000),
        b"a = " + b"{b=" * 100_000 + b"1" + b"}" * 100_000,
    ],
    ids=["arrays", "inline tables"],
)
def test_deeply_nested_toml_is_refused_not_a_recursion_error(data: bytes) -> None:
    with pytest.raises(SessionFileError) as caught:
        parse_session(data, "deep.toml")
    assert "nested too deeply" in str(caught.value)


def test_check_refuses_deeply_nested_toml_with_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path / "deep.toml", deeply_nested(100_000))
    result = run_okrtui(tmp_path, "check", path)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"okrtui: {path}: not valid TOML")


def test_an_integer_of_5000_digits_is_refused_not_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError) as caught:
        parse_session(b"schema_version = " + b"1" * 5000 + b"\n", "long.toml")
    assert "too many digits" in str(caught.value)
    path = write(tmp_path / "long.toml", b"schema_version = 1\nx = " + b"9" * 5000 + b"\n")
    result = run_okrtui(tmp_path, "check", path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr

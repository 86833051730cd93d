"""Files that once gave a traceback instead of a clean refusal (found by tests/property)."""

from pathlib import Path

import pytest

from okrtui.numbers import parse_number
from okrtui.storage import SessionFileError, dumps_session, parse_session

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


def kr_with_baseline(literal: str) -> bytes:
    return (
        'schema_version = 2\ntitle = "T"\nlanguage = "en"\n\n[[teams]]\nid = "team1"\n'
        'name = "Core"\n\n[[teams.objectives]]\nid = "o1"\ntext = "Grow"\n\n'
        '[[teams.objectives.key_results]]\nid = "k1"\ntext = "Reach 5 users"\n'
        f"baseline = {literal}\n"
    ).encode()


@pytest.mark.parametrize("literal", ["0x" + "f" * 5000, "9223372036854775808",
                                     "-9223372036854775809", "0o" + "7" * 30])
def test_an_integer_beyond_64_bits_is_refused_not_saved_into_a_crash(
    tmp_path: Path, literal: str
) -> None:
    """A hex literal of 5,000 digits used to load, then crash the save (int to decimal text is
    limited to 4,300 digits); any integer beyond 64 bits was saved into a file that TOML
    readers other than Python's refuse."""
    with pytest.raises(SessionFileError) as caught:
        parse_session(kr_with_baseline(literal), "big.toml")
    assert "baseline (in id 'k1'): must be within" in str(caught.value)
    result = run_okrtui(tmp_path, "check", write(tmp_path / "big.toml", kr_with_baseline(literal)))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("literal", ["9223372036854775807", "-9223372036854775808", "1e+30"])
def test_the_largest_64_bit_integers_and_large_floats_round_trip(literal: str) -> None:
    session = parse_session(kr_with_baseline(literal))
    assert f"baseline = {literal}\n" in dumps_session(session)


def test_a_typed_number_beyond_64_bits_is_not_a_number() -> None:
    assert parse_number("9223372036854775807") == 2**63 - 1
    with pytest.raises(ValueError):
        parse_number("9 223 372 036 854 775 808")

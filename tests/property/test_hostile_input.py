"""Arbitrary bytes, arbitrary TOML and broken sessions: the loader gives a session or one
clean FileProblem, never another exception."""

import tomli_w
from hypothesis import example, given
from hypothesis import strategies as st

from .checks import load_or_refuse
from .hostile import any_bytes, broken_session_tables, toml_documents


@given(any_bytes)
@example(b"")
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe" + "schema_version = 1".encode("utf-16-le"))
@example(b"a = " + b"[" * 100_000 + b"]" * 100_000)
@example(b"a = " + b"{b=" * 100_000 + b"1" + b"}" * 100_000)
@example(b"schema_version = " + b"1" * 5000)
@example(
    b'schema_version = 1\ntitle = "T"\nlanguage = "en"\n[[teams]]\nid = "t"\nname = ""\n'
    b'[[teams.objectives]]\nid = "o"\ntext = "O"\n[[teams.objectives.key_results]]\n'
    b'id = "k"\ntext = "K"\nbaseline = 0x' + b"f" * 5000 + b"\ntarget = 0o" + b"7" * 30
)
def test_arbitrary_bytes_load_or_are_refused(data: bytes) -> None:
    load_or_refuse(data)


@given(toml_documents)
def test_arbitrary_toml_loads_or_is_refused(table: dict) -> None:
    load_or_refuse(tomli_w.dumps(table).encode("utf-8"))


@given(broken_session_tables(), st.booleans(), st.sampled_from(["", "\ufeff"]))
def test_a_broken_session_loads_or_is_refused(table: dict, multiline: bool, bom: str) -> None:
    """A valid session with keys dropped, values of the wrong type, keys added, odd numbers,
    dangling or malformed ids, another schema_version, values nested in garbage."""
    document = tomli_w.dumps(table, multiline_strings=multiline)
    load_or_refuse((bom + document).encode("utf-8"))

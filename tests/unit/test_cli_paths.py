"""The command line and the paths around a file (issue 14): export never replaces its input
or a device, writes refuse what cannot be read back, compare --save checks every file
first, and no name, pipe or Ctrl+C makes a traceback or reaches the terminal raw."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from okrtui import cli_output, storage, writing
from okrtui.cli import main
from okrtui.problems import SaveError
from okrtui.storage import load_session, save_session

from .conftest import (
    MINIMAL_TOML,
    SESSIONS,
    null_device,
    okrtui_env,
    run_okrtui,
    session_toml,
    write,
)

DATA = SESSIONS / "equipe-data.toml"
PRODUCT = SESSIONS / "equipe-produit.toml"
RAW = ("\x1b", "\x07", "\x9b", "\x9d")


def run(tmp_path: Path, *args: str | bytes | Path, timeout: float = 30
        ) -> subprocess.CompletedProcess[bytes]:
    """`python -m okrtui ARGS`, arguments as bytes (names that are not UTF-8), output as
    bytes (what the terminal would receive)."""
    return subprocess.run([sys.executable, "-m", "okrtui", *map(os.fsencode, args)],
                          cwd=tmp_path, env=okrtui_env(tmp_path), stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=timeout)


def assert_quiet(result: subprocess.CompletedProcess[bytes]) -> None:
    """No traceback, and nothing a terminal would take as a command."""
    output = result.stdout + result.stderr
    assert b"Traceback" not in output, output.decode(errors="replace")[-2000:]
    text = output.decode("utf-8")
    assert not any(control in text for control in RAW), text[-2000:]


def two_teams(tmp_path: Path, first: str = "a.toml", second: str = "b.toml") -> list[Path]:
    paths = [tmp_path / first, tmp_path / second]
    for path, source in zip(paths, (DATA, PRODUCT), strict=True):
        path.write_bytes(source.read_bytes())
    return paths


# --- 1. export -o -------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["same", "symlink", "hard link"])
def test_export_refuses_to_write_over_its_input(tmp_path: Path, how: str) -> None:
    session = write(tmp_path / "s.toml", DATA.read_bytes())
    output = session
    if how == "symlink":
        output = tmp_path / "out.md"
        output.symlink_to(session)
    elif how == "hard link":
        output = tmp_path / "out.md"
        os.link(session, output)
    result = run(tmp_path, "export", session, "-o", output, "--force")
    assert result.returncode == 2
    assert_quiet(result)
    assert b"replace the session" in result.stderr
    assert session.read_bytes() == DATA.read_bytes()


def test_export_asks_for_force_to_replace_a_file(tmp_path: Path) -> None:
    session = write(tmp_path / "s.toml", DATA.read_bytes())
    output = write(tmp_path / "out.md", b"notes")
    result = run(tmp_path, "export", session, "-o", output)
    assert result.returncode == 2
    assert b"--force" in result.stderr
    assert output.read_bytes() == b"notes"
    result = run(tmp_path, "export", session, "-o", output, "--force")
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8").startswith("# Atelier OKR")


# These name devices made in tmp_path, or /proc/self/fd: run as root before the fix, the old
# export renamed a file over what it was given, and replaced the system's /dev/null.


def test_export_to_dev_null_writes_a_stream_and_keeps_the_device(tmp_path: Path) -> None:
    session = write(tmp_path / "s.toml", DATA.read_bytes())
    device = null_device(tmp_path)
    link = tmp_path / "null.md"
    link.symlink_to(device)
    for output in (link, device):
        result = run(tmp_path, "export", session, "-o", output)
        assert result.returncode == 0, result.stderr
    assert link.is_symlink() and stat.S_ISCHR(os.stat(device).st_mode)


def test_export_to_the_standard_output_writes_to_the_pipe(tmp_path: Path) -> None:
    session = write(tmp_path / "s.toml", DATA.read_bytes())
    link = tmp_path / "stdout.md"
    link.symlink_to("/proc/self/fd/1")
    for output in (link, "/proc/self/fd/1"):
        result = run(tmp_path, "export", session, "-o", output)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(b"# Atelier OKR")
    assert link.is_symlink()


def test_export_to_a_fifo_streams_to_its_reader(tmp_path: Path) -> None:
    session = write(tmp_path / "s.toml", DATA.read_bytes())
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        # the reader opens the FIFO soon after it starts: retry for a moment if not yet
        for _ in range(50):
            result = run(tmp_path, "export", session, "-o", fifo, timeout=10)
            if result.returncode == 0:
                break
        out, _ = reader.communicate(timeout=10)
    finally:
        reader.kill()
    assert result.returncode == 0, result.stderr
    assert out.startswith(b"# Atelier OKR")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_export_to_a_fifo_nobody_reads_is_refused_not_waited_on(tmp_path: Path) -> None:
    session = write(tmp_path / "s.toml", DATA.read_bytes())
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    result = run(tmp_path, "export", session, "-o", fifo, timeout=10)
    assert result.returncode == 2
    assert b"no program reads" in result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_export_through_a_symlink_with_force_writes_its_target(tmp_path: Path) -> None:
    session = write(tmp_path / "s.toml", DATA.read_bytes())
    target = write(tmp_path / "real.md", b"old")
    link = tmp_path / "out.md"
    link.symlink_to(target.name)
    result = run(tmp_path, "export", session, "-o", link, "--force")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("# Atelier OKR")


# --- 4. nothing written that okrtui would refuse to open ------------------------------------


def test_import_roadmap_refuses_to_write_a_session_too_big_to_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    session = write(tmp_path / "s.toml", MINIMAL_TOML)
    roadmap = write(tmp_path / "roadmap.md", "".join(f"- item {n}\n" for n in range(50)))
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", len(MINIMAL_TOML) + 100)
    assert main(["import-roadmap", str(roadmap), str(session)]) == 2
    assert "nothing was written" in capsys.readouterr().err
    assert session.read_text(encoding="utf-8") == MINIMAL_TOML


def test_merge_refuses_to_write_a_session_too_big_to_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = two_teams(tmp_path)
    limit = max(first.stat().st_size, second.stat().st_size) + 10
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", limit)
    code = main(["merge", str(first), str(second), "-o", str(first), "--force"])
    assert code == 2
    assert "nothing was written" in capsys.readouterr().err
    assert first.read_bytes() == DATA.read_bytes()


# --- 6. read-only files -----------------------------------------------------------------


def test_import_roadmap_respects_a_read_only_session(tmp_path: Path) -> None:
    session = write(tmp_path / "s.toml", MINIMAL_TOML)
    session.chmod(0o444)
    roadmap = write(tmp_path / "roadmap.md", "- Ship the API\n")
    result = run(tmp_path, "import-roadmap", roadmap, session)
    assert result.returncode == 2
    assert_quiet(result)
    assert b"read-only" in result.stderr
    assert session.read_text(encoding="utf-8") == MINIMAL_TOML


def test_import_roadmap_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = write(tmp_path / "real.toml", MINIMAL_TOML)
    link = tmp_path / "s.toml"
    link.symlink_to(real.name)
    roadmap = write(tmp_path / "roadmap.md", "- Ship the API\n")
    result = run(tmp_path, "import-roadmap", roadmap, link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert load_session(real).teams[0].roadmap[0].text == "Ship the API"


# --- 7. compare --save checks every file before writing any -------------------------------


def test_compare_save_writes_none_if_one_file_is_read_only(tmp_path: Path) -> None:
    first, second = two_teams(tmp_path)
    second.chmod(0o444)
    result = run(tmp_path, "compare", first, second, "--save")
    assert result.returncode == 2
    assert_quiet(result)
    assert b"read-only" in result.stderr
    assert first.read_bytes() == DATA.read_bytes()
    assert second.read_bytes() == PRODUCT.read_bytes()


def test_compare_save_says_what_was_written_when_a_write_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = two_teams(tmp_path)
    real_write = writing.atomic_write

    def failing(path: Path, data: bytes) -> None:
        if Path(path) == second:
            raise SaveError(path, "save.failed", reason="No space left on device")
        real_write(path, data)

    monkeypatch.setattr(writing, "atomic_write", failing)
    code = main(["compare", str(first), str(second), "--save", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"Saved: {first}." in err
    assert f"Not saved (left as they were): {second}." in err
    assert "No space left on device" in err
    assert second.read_bytes() == PRODUCT.read_bytes()


# --- 8. special files as input ----------------------------------------------------------


@pytest.mark.parametrize("command", [("check",), ("export",), ("open",), ("compare",),
                                     ("import-roadmap", "ROADMAP")])
def test_a_fifo_named_like_a_session_is_refused_at_once(tmp_path: Path,
                                                         command: tuple[str, ...]) -> None:
    fifo = tmp_path / "s.toml"
    os.mkfifo(fifo)
    roadmap = write(tmp_path / "roadmap.md", "- Ship\n")
    args = [roadmap if arg == "ROADMAP" else arg for arg in command]
    if command == ("compare",):
        args.append(DATA)
    result = run(tmp_path, *args, fifo, timeout=15)
    assert result.returncode == 2
    assert_quiet(result)
    assert b"named pipe" in result.stderr


def test_a_roadmap_that_links_to_dev_zero_is_refused(tmp_path: Path) -> None:
    session = write(tmp_path / "s.toml", MINIMAL_TOML)
    roadmap = tmp_path / "roadmap.md"
    roadmap.symlink_to("/dev/zero")
    result = run(tmp_path, "import-roadmap", roadmap, session, timeout=15)
    assert result.returncode == 2
    assert b"is a device" in result.stderr
    assert session.read_text(encoding="utf-8") == MINIMAL_TOML


# --- 10. names that are not UTF-8 -------------------------------------------------------


def test_names_that_are_not_utf8_print(tmp_path: Path) -> None:
    session = tmp_path / os.fsdecode(b"caf\xe9.toml")
    session.write_bytes(DATA.read_bytes())
    other = tmp_path / os.fsdecode(b"th\xe9.toml")
    other.write_bytes(PRODUCT.read_bytes())
    roadmap = write(tmp_path / "roadmap.md", "- Ship the API\n")
    missing = os.fsdecode(b"absent-\xe9.toml")
    for args, code in [(("check", session), 0), (("open", missing), 2), ((missing,), 2),
                       (("import-roadmap", roadmap, session), 0),
                       (("compare", session, other, "--save"), 0),
                       (("export", session, "-o", tmp_path / os.fsdecode(b"r\xe9.md")), 0)]:
        result = run(tmp_path, *args)
        assert_quiet(result)
        assert result.returncode == code, (args, result.stderr)
        assert b"\\xe9" in result.stdout + result.stderr, args


# --- 11, 12. a closed pipe and Ctrl+C ---------------------------------------------------


def test_check_into_a_closed_pipe_exits_quietly_with_its_own_code(tmp_path: Path) -> None:
    body = "".join(f'\n[[teams.objectives]]\nid = "o{n}"\ntext = "Be better"\n'
                   for n in range(1, 401))
    path = write(tmp_path / "many.toml",
                 session_toml('\n[[teams]]\nid = "team1"\nname = "Core"\n' + body))
    full = run(tmp_path, "check", path)
    assert full.returncode == 1 and len(full.stdout) > 100_000  # more than a pipe holds
    process = subprocess.Popen([sys.executable, "-m", "okrtui", "check", str(path)],
                               cwd=tmp_path, env=okrtui_env(tmp_path), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    err = process.stderr.read()
    assert process.wait(timeout=30) == 1  # errors found, as without the pipe
    assert err == b""


def test_ctrl_c_during_a_command_exits_130_quietly(tmp_path: Path) -> None:
    path = write(tmp_path / "s.toml", MINIMAL_TOML)
    script = ("import os, signal, sys\nimport okrtui.cli as cli, okrtui.cli_findings as f\n"
              "f.check = lambda *args: os.kill(os.getpid(), signal.SIGINT)\n"
              "sys.exit(cli.main(['check', sys.argv[1]]))")
    result = subprocess.run([sys.executable, "-c", script, str(path)], cwd=tmp_path,
                            env=okrtui_env(tmp_path), capture_output=True, timeout=30)
    assert result.returncode == 130
    assert result.stderr == b""


# --- 13. escape sequences in names and values -------------------------------------------

EVIL = "evil\x1b]0;pwned\x07\x1b[2J"


def test_check_prints_an_evil_name_written_out(tmp_path: Path) -> None:
    path = write(tmp_path / f"{EVIL}.toml", MINIMAL_TOML)
    result = run(tmp_path, "check", path.name)
    assert_quiet(result)
    assert b"evil\\x1b]0;pwned\\x07\\x1b[2J.toml" in result.stdout


def test_every_error_about_an_evil_name_is_written_out(tmp_path: Path) -> None:
    for args in [("check", f"{EVIL}.toml"), (f"{EVIL}.toml",), ("open", f"{EVIL}.toml"),
                 ("new", "s.toml", "--bogus", EVIL)]:
        write(tmp_path / "s.toml", MINIMAL_TOML)
        result = run(tmp_path, *args)
        assert result.returncode == 2, args
        assert_quiet(result)


def test_export_merge_and_compare_write_evil_names_out(tmp_path: Path) -> None:
    first, second = two_teams(tmp_path, f"{EVIL}-a.toml", f"{EVIL}-b.toml")
    for args in [("export", first, "-o", tmp_path / f"{EVIL}.md"),
                 ("compare", first, second), ("compare", first, second, "--save"),
                 ("merge", first, second, "-o", tmp_path / f"{EVIL}-all.toml")]:
        result = run(tmp_path, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert_quiet(result)
        assert b"\\x1b" in result.stdout + result.stderr, args


@pytest.mark.parametrize("command", ["import-roadmap", "compare"])
def test_a_lock_host_is_written_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str], command: str) -> None:
    """Whatever lock.py accepts as a host, the command line never prints it raw."""
    from datetime import UTC, datetime

    from okrtui import lock

    first, second = two_teams(tmp_path)
    roadmap = write(tmp_path / "roadmap.md", "- Ship\n")
    evil = lock.Holder("other\x1b]0;pwned\x07\x9b2J", 12345, datetime.now(UTC))
    monkeypatch.setattr(lock, "other_live_holder", lambda path: evil)
    args = ([command, str(roadmap), str(first)] if command == "import-roadmap"
            else [command, str(first), str(second), "--save"])
    assert main([*args, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert not any(control in err for control in RAW), err
    assert "other\\x1b]0;pwned\\x07\\x9b2J" in err
    assert first.read_bytes() == DATA.read_bytes()


def test_a_c1_control_in_an_unknown_key_is_written_out(tmp_path: Path) -> None:
    path = write(tmp_path / "s.toml", MINIMAL_TOML + '"\u009b2J\u009d0;x" = 1\n')
    result = run(tmp_path, "check", path)
    assert result.returncode == 2
    assert_quiet(result)
    assert b"\\x9b2J" in result.stderr


def test_check_json_escapes_c1_controls(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert "\\u009b" in cli_output.as_json(["\u009b2J"])
    assert cli_output.as_json(["é\x1b"]) == '[\n  "é\\u001b"\n]'


# --- 15 (through the command line) ------------------------------------------------------


def test_check_an_out_of_range_schema_version(tmp_path: Path) -> None:
    path = write(tmp_path / "s.toml", b"schema_version = 99999999999999999999\n")
    result = run_okrtui(tmp_path, "check", path)
    assert result.returncode == 2
    assert "is not a version number" in result.stderr
    assert "newer" not in result.stderr


def test_save_session_is_unchanged_for_ordinary_files(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(load_session(DATA), path)
    assert path.read_bytes() == DATA.read_bytes()

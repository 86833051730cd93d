"""The sweep of issue 14: every command over a table of special paths.

Each command (`okrtui FILE`, `open`, `check`, `export` and `export -o`, `compare` and
`compare --save`, `merge` as input and as -o with and without --force, `import-roadmap` with
the special path as the roadmap or as the session, `new`) is run as a subprocess with the
special path in each role it has, over: a named pipe, a character device, a link to a file,
a link to a device, a link loop, a dangling link, a folder, an unreadable file (mode 000), a
read-only file (0444), a file in a read-only folder, a name that is not UTF-8, names holding
escape sequences or C1 controls, and the output equal to the input. Each case asserts:

- no traceback, and no hang (10 s: past it the process is killed and the case fails);
- stdout and stderr are UTF-8 with no ESC, BEL or C1 character (nothing a terminal obeys);
- the exit code is the documented one (0, 1 only for `check`'s findings, 2 for unusable input
  or output), and a refusal says `okrtui: PATH: …` naming the path;
- every file and link in the folder is as it was (bytes, type, mode, link target, device
  number), except what the command was asked to write, and only when it succeeded: a link
  stays a link, a device a device, a FIFO a FIFO; a refusal leaves no new file behind.

Devices are made with mknod inside the test's folder (never /dev itself). Tests run as root,
where permission bits stop neither reads nor writes: the unreadable-file and read-only-folder
cases run their command under `setpriv` without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, so
that mode 000 and 0555 mean what they mean for anybody else.

`okrtui FILE`, `open` and `new` start the TUI once the file is checked: they run the real
command line with the UI's start replaced by a marker (the TUI's own opening and saving of
these paths are the Pilot sweep, tests/ui/test_special_paths.py).

The cases run side by side (a module fixture, a few at a time: ~190 Python starts), each in
its own folder; each test then checks its case's outcome."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from okrtui.text import show_path

from .conftest import SESSIONS, okrtui_env

TIMEOUT = 10.0
SESSION_A = (SESSIONS / "equipe-data.toml").read_bytes()
SESSION_B = (SESSIONS / "equipe-produit.toml").read_bytes()
ROADMAP = (SESSIONS / "feuille-de-route-produit.md").read_bytes()
OLD_NOTES = b"# Notes kept by hand\n"

IS_ROOT = os.geteuid() == 0
SETPRIV = shutil.which("setpriv")
# Without these two capabilities root obeys permission bits like anybody else.
AS_ANYBODY = [SETPRIV or "setpriv", "--inh-caps=-all",
              "--bounding-set=-dac_override,-dac_read_search", "--"]

# Run the real command line; only starting the TUI is replaced by a marker.
UI_STUB = ("import sys, okrtui.cli as cli\n"
           "cli._run_app = lambda lang, **options: print('[the TUI would start]') or 0\n"
           "raise SystemExit(cli.main())\n")

RAW = re.compile("[\x1b\x07\x80-\x9f]")


def _can_mknod() -> bool:
    probe = Path(os.environ.get("TMPDIR", "/tmp")) / f".okrtui-mknod-probe-{os.getpid()}"
    try:
        os.mknod(probe, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError:
        return False
    probe.unlink()
    return True


CAN_MKNOD = _can_mknod()


# --- the special paths ------------------------------------------------------------------------

def _null(path: Path) -> None:
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))


def _zero(path: Path) -> None:
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))


def _named(prefix: str) -> Callable[[Path, str, bytes], str]:
    def make(folder: Path, name: str, content: bytes) -> str:
        special = prefix + name
        (folder / special).write_bytes(content)
        return special
    return make


def _fifo(folder: Path, name: str, content: bytes) -> str:
    os.mkfifo(folder / name)
    return name


def _device(folder: Path, name: str, content: bytes) -> str:
    _null(folder / name)
    return name


def _link_to_file(folder: Path, name: str, content: bytes) -> str:
    (folder / f"real-{name}").write_bytes(content)
    (folder / name).symlink_to(f"real-{name}")
    return name


def _link_to_device(folder: Path, name: str, content: bytes) -> str:
    _zero(folder / "zero")  # endless: read without a bound, it fills the memory
    (folder / name).symlink_to("zero")
    return name


def _link_loop(folder: Path, name: str, content: bytes) -> str:
    (folder / name).symlink_to(f"loop-{name}")
    (folder / f"loop-{name}").symlink_to(name)
    return name


def _dangling_link(folder: Path, name: str, content: bytes) -> str:
    (folder / name).symlink_to(f"missing-{name}")
    return name


def _folder(folder: Path, name: str, content: bytes) -> str:
    (folder / name).mkdir()
    (folder / name / "inside.txt").write_bytes(b"kept\n")
    return name


def _unreadable(folder: Path, name: str, content: bytes) -> str:
    (folder / name).write_bytes(content)
    (folder / name).chmod(0)
    return name


def _read_only_file(folder: Path, name: str, content: bytes) -> str:
    (folder / name).write_bytes(content)
    (folder / name).chmod(0o444)
    return name


def _read_only_folder(folder: Path, name: str, content: bytes) -> str:
    (folder / "ro").mkdir()
    (folder / "ro" / name).write_bytes(content)
    (folder / "ro").chmod(0o555)
    return f"ro/{name}"


def _non_utf8_name(folder: Path, name: str, content: bytes) -> str:
    special = os.fsdecode(b"caf\xe9-" + os.fsencode(name))  # Latin-1, as an old disk has it
    (folder / special).write_bytes(content)
    return special


KINDS: dict[str, Callable[[Path, str, bytes], str]] = {
    "fifo": _fifo,
    "device": _device,
    "link_to_file": _link_to_file,
    "link_to_device": _link_to_device,
    "link_loop": _link_loop,
    "dangling_link": _dangling_link,
    "folder": _folder,
    "unreadable": _unreadable,
    "read_only_file": _read_only_file,
    "read_only_folder": _read_only_folder,
    "non_utf8_name": _non_utf8_name,
    "escape_name": _named("\x1b]0;pwned\x07\x1b[2J"),
    "c1_name": _named("\x9b2J\x9d0;pwned\x9c"),
}
DEVICE_KINDS = {"device", "link_to_device"}
AS_ANYBODY_KINDS = {"unreadable", "read_only_folder"}
UNUSABLE_INPUT = {"fifo", "device", "link_to_device", "link_loop", "dangling_link", "folder",
                  "unreadable"}
NAMES = {"escape_name", "c1_name", "non_utf8_name"}


# --- the commands -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Command:
    id: str
    argv: Callable[[str], list[str]]
    role: str  # "session", "roadmap" (read), "output" (written), "new"
    writes: Callable[[str], list[str]] = lambda special: []
    ui: bool = False  # starts the TUI once the file is checked

    @property
    def content(self) -> bytes:
        """What the special path holds where it holds a file."""
        if self.role == "roadmap":
            return ROADMAP
        if self.id.startswith("export -o"):
            return OLD_NOTES
        return SESSION_A

    @property
    def name(self) -> str:
        return {"roadmap": "road.md"}.get(self.role, "out.md" if self.id.startswith(
            "export -o") else "s.toml")


COMMANDS = [
    Command("okrtui FILE", lambda s: [s], "session", ui=True),
    Command("open", lambda s: ["open", s], "session", ui=True),
    Command("check", lambda s: ["check", s], "session"),
    Command("export", lambda s: ["export", s], "session"),
    Command("export -o", lambda s: ["export", "a.toml", "-o", s], "output",
            lambda s: [s]),
    Command("export -o --force", lambda s: ["export", "a.toml", "-o", s, "--force"], "output",
            lambda s: [s]),
    Command("compare", lambda s: ["compare", s, "b.toml"], "session"),
    # the special file second: one that cannot be written must stop the first being written
    Command("compare --save", lambda s: ["compare", "--save", "b.toml", s], "session",
            lambda s: ["b.toml", s]),
    Command("merge FILE", lambda s: ["merge", s, "b.toml", "-o", "merged.toml"], "session",
            lambda s: ["merged.toml"]),
    Command("merge -o", lambda s: ["merge", "a.toml", "b.toml", "-o", s], "output",
            lambda s: [s]),
    Command("merge -o --force", lambda s: ["merge", "a.toml", "b.toml", "-o", s, "--force"],
            "output", lambda s: [s]),
    Command("import-roadmap FILE", lambda s: ["import-roadmap", "roadmap.md", s], "session",
            lambda s: [s]),
    Command("import-roadmap ROADMAP", lambda s: ["import-roadmap", s, "a.toml"], "roadmap",
            lambda s: ["a.toml"]),
    Command("new", lambda s: ["new", s], "new", ui=True),
]


def expected_exits(command: Command, kind: str) -> set[int]:
    """The exit codes the case may end with (1 is check's "errors found")."""
    if command.role in ("session", "roadmap"):
        if kind in UNUSABLE_INPUT:
            return {2}
        if "x" in command.writes("x") and kind in ("read_only_file", "read_only_folder"):
            return {2}  # asked to rewrite a file it may not write
        return {0, 1} if command.id == "check" else {0}
    if command.role == "new":
        # a path that does not exist (a dangling link, a loop) is where the new session goes
        return {0, 2} if kind in ("dangling_link", "link_loop") else {2}
    force = command.id.endswith("--force")
    exporting = command.id.startswith("export")
    if kind == "dangling_link":
        return {0}  # the link's target is created
    if kind in DEVICE_KINDS:
        return {0} if exporting else {2}  # export streams to a device; merge saves a file
    if kind in ("link_to_file", *NAMES):
        return {0} if force else {2}  # an existing file: replaced only with --force
    return {2}


@dataclass(frozen=True)
class Case:
    id: str
    command: Command
    kind: str  # a key of KINDS, or "same" (the output is the input)
    argv: Callable[[str], list[str]] | None = None  # for "same": the whole command
    writes: tuple[str, ...] = ()
    exits: frozenset[int] = frozenset()


def _cases() -> Iterator[Case]:
    for command in COMMANDS:
        for kind in KINDS:
            yield Case(f"{command.id} | {kind}", command, kind,
                       exits=frozenset(expected_exits(command, kind)))
    by_id = {command.id: command for command in COMMANDS}
    same = [
        ("export -o", ["export", "a.toml", "-o", "a.toml"], (), {2}),
        ("export -o --force", ["export", "a.toml", "-o", "a.toml", "--force"], (), {2}),
        ("merge -o", ["merge", "a.toml", "b.toml", "-o", "a.toml"], (), {2}),
        # --force says to replace the file, the input included
        ("merge -o --force", ["merge", "a.toml", "b.toml", "-o", "a.toml", "--force"],
         ("a.toml",), {0}),
        ("import-roadmap FILE", ["import-roadmap", "a.toml", "a.toml"], ("a.toml",), {2}),
        ("compare --save", ["compare", "--save", "a.toml", "a.toml"], ("a.toml",), {2}),
        ("new", ["new", "a.toml"], (), {2}),
    ]
    for command_id, argv, writes, exits in same:
        yield Case(f"{command_id} | same_as_input", by_id[command_id], "same",
                   argv=lambda _special, argv=argv: argv, writes=writes,
                   exits=frozenset(exits))


CASES = list(_cases())

# Cases that fail for a known reason (none now): case id → reason, run as strict xfail.
XFAIL: dict[str, str] = {}


def _params() -> list[object]:
    return [pytest.param(case, id=case.id, marks=[pytest.mark.xfail(
        strict=True, reason=XFAIL[case.id])] if case.id in XFAIL else [])
        for case in CASES]


# --- running a case ---------------------------------------------------------------------------

Entry = tuple[str, int, object]  # type, mode, what it holds (bytes, link target, device)


def snapshot(folder: Path) -> dict[str, Entry]:
    """Every entry under folder (links not followed, devices and FIFOs never opened)."""
    entries: dict[str, Entry] = {}

    def walk(directory: Path) -> None:
        for entry in os.scandir(directory):
            path = Path(entry.path)
            status = entry.stat(follow_symlinks=False)
            mode = status.st_mode
            key = os.fsdecode(path.relative_to(folder))
            if stat.S_ISLNK(mode):
                entries[key] = ("link", 0, os.readlink(path))
            elif stat.S_ISDIR(mode):
                entries[key] = ("folder", stat.S_IMODE(mode), None)
                walk(path)
            elif stat.S_ISREG(mode):
                entries[key] = ("file", stat.S_IMODE(mode), path.read_bytes())
            elif stat.S_ISFIFO(mode):
                entries[key] = ("fifo", stat.S_IMODE(mode), None)
            elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
                entries[key] = ("device", stat.S_IMODE(mode), status.st_rdev)
            else:
                entries[key] = ("other", stat.S_IMODE(mode), None)

    walk(folder)
    return entries


@dataclass
class Outcome:
    argv: list[str]
    special: str
    returncode: int | None  # None: killed after TIMEOUT seconds
    stdout: bytes
    stderr: bytes
    before: dict[str, Entry]
    after: dict[str, Entry]
    may_change: set[str] = field(default_factory=set)


def skip_reason(case: Case) -> str | None:
    if case.kind in DEVICE_KINDS and not CAN_MKNOD:
        return "mknod is not allowed here: no device node can be made inside the test folder"
    if case.kind in AS_ANYBODY_KINDS and IS_ROOT and SETPRIV is None:
        return ("running as root, whom mode bits do not stop, and setpriv is missing to drop "
                "CAP_DAC_OVERRIDE: this case would test nothing")
    return None


def run_case(case: Case, root: Path) -> Outcome:
    work = root / "work"
    work.mkdir(parents=True)
    (work / "a.toml").write_bytes(SESSION_A)
    (work / "b.toml").write_bytes(SESSION_B)
    (work / "roadmap.md").write_bytes(ROADMAP)
    if case.kind == "same":
        special = "a.toml"
    else:
        special = KINDS[case.kind](work, case.command.name, case.command.content)
    argv = case.argv(special) if case.argv else case.command.argv(special)
    writes = list(case.writes) if case.kind == "same" else case.command.writes(special)
    may_change = {os.fsdecode(Path(os.path.realpath(work / path)).relative_to(
        os.path.realpath(work))) for path in writes if _inside(work, path)}
    env = okrtui_env(root)
    env["XDG_STATE_HOME"] = str(root / "state")
    env["HOME"] = str(root / "home")
    launcher = [sys.executable, "-c", UI_STUB] if case.command.ui else [
        sys.executable, "-m", "okrtui"]
    prefix = AS_ANYBODY if case.kind in AS_ANYBODY_KINDS and IS_ROOT else []
    before = snapshot(work)
    try:
        result = subprocess.run([*prefix, *launcher, *map(os.fsencode, argv)], cwd=work,
                                env=env, stdin=subprocess.DEVNULL, capture_output=True,
                                timeout=TIMEOUT)
        returncode, stdout, stderr = result.returncode, result.stdout, result.stderr
    except subprocess.TimeoutExpired as hung:
        returncode, stdout, stderr = None, hung.stdout or b"", hung.stderr or b""
    return Outcome(argv, special, returncode, stdout, stderr, before, snapshot(work),
                   may_change)


def _inside(work: Path, path: str) -> bool:
    try:
        Path(os.path.realpath(work / path)).relative_to(os.path.realpath(work))
    except ValueError:
        return False
    return True


@pytest.fixture(scope="module")
def outcomes(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Run, a few at a time, every case this session selected; each in its own folder."""
    wanted = {item.callspec.params["case"].id for item in request.session.items
              if item.module is request.module and hasattr(item, "callspec")}
    todo = [case for case in CASES if case.id in wanted and skip_reason(case) is None]
    base = tmp_path_factory.mktemp("sweep")
    with ThreadPoolExecutor(max_workers=(os.cpu_count() or 2) + 1) as pool:
        runs = {case.id: pool.submit(run_case, case, base / f"case{index}")
                for index, case in enumerate(todo)}
        return {case_id: run.result() for case_id, run in runs.items()}


@pytest.mark.parametrize("case", _params())
def test_special_path(case: Case, outcomes: dict[str, Outcome]) -> None:
    reason = skip_reason(case)
    if reason is not None:
        pytest.skip(reason)
    outcome = outcomes[case.id]
    shown = " ".join(show_path(arg) for arg in outcome.argv)
    assert outcome.returncode is not None, f"okrtui {shown}: still running after {TIMEOUT} s"
    for name, blob in (("stdout", outcome.stdout), ("stderr", outcome.stderr)):
        try:
            text = blob.decode("utf-8")
        except UnicodeDecodeError as error:
            raise AssertionError(f"okrtui {shown}: {name} is not UTF-8: {blob!r}") from error
        assert "Traceback" not in text, f"okrtui {shown}: a traceback on {name}:\n{text}"
        raw = RAW.search(text)
        assert raw is None, f"okrtui {shown}: raw {raw.group()!r} on {name}: {text!r}"
    assert outcome.returncode in case.exits, (
        f"okrtui {shown}: exit {outcome.returncode}, expected {sorted(case.exits)}\n"
        f"stdout: {outcome.stdout.decode()[-800:]}\nstderr: {outcome.stderr.decode()[-800:]}")
    if outcome.returncode == 2:
        stderr = outcome.stderr.decode("utf-8")
        assert stderr.startswith("okrtui: "), f"okrtui {shown}: {stderr!r}"
        assert show_path(outcome.special) in stderr, (
            f"okrtui {shown}: the message does not name {show_path(outcome.special)}: {stderr!r}")
    changed = outcome.may_change if outcome.returncode == 0 else set()
    for key, entry in outcome.before.items():
        after = outcome.after.get(key)
        assert after is not None, f"okrtui {shown}: {show_path(key)} was removed"
        assert after[0] == entry[0], (
            f"okrtui {shown}: {show_path(key)} was a {entry[0]}, is now a {after[0]}")
        if key not in changed:
            assert after == entry, f"okrtui {shown}: {show_path(key)} changed"
    if outcome.returncode != 0:
        new = sorted(set(outcome.after) - set(outcome.before))
        assert not new, f"okrtui {shown}: failed but left {[show_path(n) for n in new]}"

"""The command line. Arguments are parsed and files checked before the UI is imported,
so `okrtui check` and `okrtui --help` never pay for Textual (nor --help for pydantic)."""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from okrtui import __version__
from okrtui.i18n import LANGUAGES, Catalog, catalog, guess_language
from okrtui.problems import FileProblem, SessionFileError
from okrtui.text import for_terminal, show_path

if TYPE_CHECKING:
    from okrtui.coach import Kind
    from okrtui.comparison import Comparison
    from okrtui.findings import Finding
    from okrtui.models import Session

COMMANDS = ("new", "open", "check", "coach", "export", "compare", "merge", "import-roadmap")
EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl+C


def _say(text: str = "", *, error: bool = False, end: str = "\n") -> None:
    """The one way the command line prints: text shown for a terminal (for_terminal: no
    escape sequence or control character is sent raw, a name that is not UTF-8 prints)."""
    _emit(for_terminal(text) + end, sys.stderr if error else sys.stdout)


def _emit(text: str, stream: object) -> None:
    """Write text (already safe) and flush. A reader that went away (`okrtui check F | head
    -1`) is not an error: the stream is pointed at /dev/null and the command goes on to the
    exit code that says what it found."""
    try:
        try:
            stream.write(text)  # type: ignore[attr-defined]
        except UnicodeEncodeError:  # a terminal that is not UTF-8 (PYTHONIOENCODING=ascii)
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(text.encode(encoding, "backslashreplace").decode(encoding))  # type: ignore[attr-defined]
        stream.flush()  # type: ignore[attr-defined]
    except BrokenPipeError:
        _silence(stream)


def _silence(stream: object) -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())  # type: ignore[attr-defined]
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\ud800-\udfff]")


def _json(value: object) -> str:
    """JSON with its text readable (accents kept) and terminal-safe: json.dumps escapes the
    C0 controls; DEL, C1 controls and lone surrogates are escaped here the same way."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class _Parser(argparse.ArgumentParser):
    """argparse, whose usage errors quote what was typed: printed the same safe way."""

    def _print_message(self, message: str, file: object = None) -> None:
        if message:
            _say(message, error=file is not sys.stdout, end="")


def _language_asked(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        return value if value in LANGUAGES else None
    return None


def _add_lang(parser: argparse.ArgumentParser, tr: Catalog) -> None:
    """The --lang option that the program and every command but coach take."""
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("cli.help.lang"))


def _parser(tr: Catalog, command: str | None) -> argparse.ArgumentParser:
    parser = _Parser(prog="okrtui", description=tr("cli.help.description"))
    parser.add_argument("--version", action="version", version=f"okrtui {__version__}",
                        help=tr("cli.help.version"))
    if command is None:
        parser.add_argument("file", nargs="?", type=Path, help=tr("cli.help.file"))
        _add_lang(parser, tr)
        parser.epilog = f"{tr('cli.help.commands')}: {', '.join(COMMANDS)} (okrtui COMMAND --help)"
        return parser
    sub = parser.add_subparsers(dest="command", required=True, title=tr("cli.help.commands"))
    new = sub.add_parser("new", help=tr("cli.help.new"), description=tr("cli.help.new"))
    new.add_argument("file", nargs="?", type=Path, help=tr("cli.help.new_file"))
    new.add_argument("--title", help=tr("cli.help.title"))
    _add_lang(new, tr)
    open_ = sub.add_parser("open", help=tr("cli.help.open"), description=tr("cli.help.open"))
    open_.add_argument("file", type=Path, help=tr("cli.help.file"))
    _add_lang(open_, tr)
    check = sub.add_parser("check", help=tr("cli.help.check"), description=tr("cli.help.check"))
    check.add_argument("files", nargs="+", type=Path, metavar="FILE", help=tr("cli.help.file"))
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help=tr("cli.help.format"))
    _add_lang(check, tr)
    coach = sub.add_parser("coach", help=tr("cli.help.coach"), description=tr("cli.help.coach"))
    wording = coach.add_mutually_exclusive_group(required=True)
    wording.add_argument("--objective", metavar="TEXT", help=tr("cli.help.objective"))
    wording.add_argument("--kr", metavar="TEXT", help=tr("cli.help.kr"))
    coach.add_argument("--format", choices=("text", "json"), default="text",
                       help=tr("cli.help.format"))
    coach.add_argument("--lang", choices=LANGUAGES, help=tr("cli.help.coach_lang"))
    export = sub.add_parser("export", help=tr("cli.help.export"), description=tr("cli.help.export"))
    export.add_argument("file", type=Path, help=tr("cli.help.file"))
    export.add_argument("--to", choices=("md",), default="md", help=tr("cli.help.to"))
    export.add_argument("-o", "--output", type=Path, help=tr("cli.help.output"))
    export.add_argument("--force", action="store_true", help=tr("cli.help.export_force"))
    _add_lang(export, tr)
    compare = sub.add_parser("compare", help=tr("cli.help.compare"),
                             description=tr("cli.help.compare"))
    compare.add_argument("files", nargs="+", type=Path, metavar="FILE",
                         help=tr("cli.help.compare_files"))
    compare.add_argument("--format", choices=("text", "json"), default="text",
                         help=tr("cli.help.format"))
    compare.add_argument("--save", action="store_true", help=tr("compare.save.help"))
    _add_lang(compare, tr)
    merge = sub.add_parser("merge", help=tr("merge.help.command"),
                           description=tr("merge.help.command"))
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE", help=tr("merge.help.files"))
    merge.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                       help=tr("merge.help.output"))
    merge.add_argument("--title", help=tr("merge.help.title"))
    merge.add_argument("--force", action="store_true", help=tr("merge.help.force"))
    _add_lang(merge, tr)
    roadmap = sub.add_parser("import-roadmap", help=tr("cli.help.import_roadmap"),
                             description=tr("cli.help.import_roadmap"))
    roadmap.add_argument("roadmap", type=Path, help=tr("cli.help.roadmap_file"))
    roadmap.add_argument("file", type=Path, help=tr("cli.help.file"))
    roadmap.add_argument("--team", help=tr("cli.help.team"))
    _add_lang(roadmap, tr)
    return parser


def _command_first(argv: list[str]) -> list[str]:
    """Accept `okrtui --lang fr check FILE` as well as `okrtui check FILE --lang fr`."""
    for index, arg in enumerate(argv):
        if arg in COMMANDS:
            before = argv[:index]
            if all(a.startswith("--lang") or a in LANGUAGES for a in before):
                return [arg, *argv[index + 1 :], *before]
            break
        if not (arg.startswith("--lang") or arg in LANGUAGES):
            break
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; its exit code. Ctrl+C is a quiet exit (130), a closed pipe too."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # a write outside _emit: the output was all shown that could be
        _silence(sys.stdout)
        return EXIT_OK


def _main(argv: Sequence[str] | None) -> int:
    argv = _command_first(list(sys.argv[1:] if argv is None else argv))
    tr = catalog(_language_asked(argv) or guess_language())
    command = argv[0] if argv and argv[0] in COMMANDS else None
    args = _parser(tr, command).parse_args(argv)
    try:
        if command == "check":
            return _check(args, tr)
        if command == "coach":
            return _coach(args)
        if command == "export":
            return _export(args)
        if command == "compare":
            return _compare(args)
        if command == "merge":
            return _merge(args)
        if command == "new":
            return _new(args, tr)
        if command == "import-roadmap":
            return _import_roadmap(args)
        if args.file is None:
            return _run_app(args.lang)
        return _open(args)
    except FileProblem as error:
        _say(f"okrtui: {error.message(tr)}", error=True)
        return EXIT_UNUSABLE


def _session_catalog(session: Session, lang: str | None) -> Catalog:
    return catalog(lang or session.language)


def _check(args: argparse.Namespace, tr: Catalog) -> int:
    """Check each FILE (pre-commit passes many): each report names its file, and the exit
    code is the worst of them (a file that cannot be read: 2, after the others are checked).
    With several files, each text line starts with its file, and JSON is one list of the
    findings of all files, each with its "file"."""
    from okrtui.findings import has_errors, session_findings
    from okrtui.storage import load_session

    paths: list[Path] = args.files
    if len(paths) == 1:
        session = load_session(paths[0])
        session_tr = _session_catalog(session, args.lang)
        findings = session_findings(session, session_tr, silenced=True)
        return _report(findings, session_tr, args.format, show_path(paths[0]))
    worst = EXIT_OK
    every: list[dict[str, object]] = []
    for path in paths:
        try:
            session = load_session(path)
        except FileProblem as error:
            _say(f"okrtui: {error.message(tr)}", error=True)
            worst = max(worst, EXIT_UNUSABLE)
            continue
        session_tr = _session_catalog(session, args.lang)
        findings = session_findings(session, session_tr, silenced=True)
        if args.format == "json":
            every += [{"file": show_path(path), **finding.as_dict()} for finding in findings]
            active = [f for f in findings if f.silenced_because is None]
            code = EXIT_PROBLEMS if has_errors(active) else EXIT_OK
        else:
            code = _report(findings, session_tr, "text", show_path(path),
                           prefix=f"{show_path(path)}: ")
        worst = max(worst, code)
    if args.format == "json":
        _emit(_json(every) + "\n", sys.stdout)
    return worst


def _coach(args: argparse.Namespace) -> int:
    from okrtui.coach import guess_language
    from okrtui.findings import wording_findings
    from okrtui.text import clean_text

    kind: Kind
    kind, text = ("objective", args.objective) if args.objective is not None else ("kr", args.kr)
    text = clean_text(text)
    tr = catalog(args.lang or guess_language(text))
    findings = wording_findings(tr, kind, text, item=kind)
    return _report(findings, tr, args.format, text)


def _report(findings: list[Finding], tr: Catalog, output: str, subject: str,
            prefix: str = "") -> int:
    """Print findings as text (each finding's line after prefix) or JSON; the exit code says
    whether there is an error."""
    from okrtui.findings import has_errors

    active = [f for f in findings if f.silenced_because is None]
    if output == "json":
        _emit(_json([f.as_dict() for f in findings]) + "\n", sys.stdout)
    else:
        for finding in findings:
            silenced = (f" [{tr('cli.silenced', reason=finding.silenced_because)}]"
                        if finding.silenced_because is not None else "")
            where = f" {finding.item}" if finding.item else ""
            _say(f"{prefix}{tr('severity.' + finding.severity)}: {finding.rule}{where}: "
                  f"{finding.message} {finding.suggestion}{silenced}")
        counts = {s: sum(f.severity == s for f in active) for s in ("error", "warning", "info")}
        if active:
            _say(tr("cli.summary", path=subject, errors=tr("cli.errors", count=counts["error"]),
                     warnings=tr("cli.warnings", count=counts["warning"]),
                     infos=tr("cli.infos", count=counts["info"])))
        else:
            _say(tr("cli.no_problems", path=subject))
    return EXIT_PROBLEMS if has_errors(active) else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from okrtui.export import to_markdown
    from okrtui.storage import atomic_write, load_session, write_stream

    session = load_session(args.file)
    tr = _session_catalog(session, args.lang)
    text = to_markdown(session, tr)
    if args.output is None:
        _say(text, end="")
        return EXIT_OK
    data = for_terminal(text).encode("utf-8")
    if _is_stream(args.output, args.file, args.force):
        write_stream(args.output, data)
    else:
        atomic_write(args.output, data)
    _say(tr("cli.exported", path=show_path(args.output)), error=True)
    return EXIT_OK


_DESCRIPTOR = re.compile(r"/dev/(stdout|stderr|fd/\d+)|/proc/self/fd/\d+")


def _is_stream(output: Path, source: Path, force: bool) -> bool:
    """Whether export -o writes to output as a stream (a terminal, a pipe, /dev/null,
    /dev/stdout) rather than replacing it with a file. Raises if output is the session
    being exported (also through a link), or an existing file and force is not given."""
    try:
        status = os.stat(output)
    except OSError:
        return False  # a new file (or one atomic_write will say why it cannot write)
    try:
        same = os.path.samestat(status, os.stat(source))
    except OSError:
        same = False
    if same:
        raise SessionFileError(output, "cli.export_same_as_input")
    if stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode):
        return True
    if _DESCRIPTOR.fullmatch(str(output)) and stat.S_ISREG(status.st_mode):
        return True  # -o /dev/stdout with the output redirected to a file: append to it
    if stat.S_ISREG(status.st_mode) and not force:
        raise SessionFileError(output, "cli.export_exists")
    return False


def _compare(args: argparse.Namespace) -> int:
    from okrtui.compare import compare_teams
    from okrtui.compare_text import render_text
    from okrtui.storage import load_session

    paths = list(dict.fromkeys(args.files))  # the same file twice is one set of teams
    sources = [(show_path(path), load_session(path)) for path in paths]
    if sum(len(session.teams) for _, session in sources) < 2:
        raise SessionFileError(paths[0], "cli.compare_one_team")
    tr = _session_catalog(sources[0][1], args.lang)
    comparison = compare_teams(sources)
    pending = (_prepare_common(comparison, paths, [session for _, session in sources])
               if args.save else [])
    if args.format == "json":
        _emit(_json(comparison.as_dict(tr.language)) + "\n", sys.stdout)
    else:
        _say(render_text(comparison, tr), end="")
    return _write_all(pending, tr) if args.save else EXIT_OK


def _refuse_locked(paths: Sequence[Path], key: str) -> None:
    """Raise (before anything is written) if another live okrtui is editing one of paths."""
    from okrtui import lock

    for path in paths:
        holder = lock.other_live_holder(path)
        if holder is not None:
            raise SessionFileError(path, key, host=show_path(holder.host), pid=holder.pid)


def _prepare_common(comparison: Comparison, paths: Sequence[Path],
                    sessions: Sequence[Session]) -> list[tuple[Path, bytes, int]]:
    """The comparison as "what we have in common" in every compared file, in its language:
    each file's new bytes and number of points. Every file is checked before any is written
    (not open elsewhere, a regular file it may write, small enough to open again): one that
    cannot be written stops them all, with nothing written."""
    from okrtui.common_points import common_points, save_common
    from okrtui.storage import encode_session, writable_target

    _refuse_locked(paths, "compare.save.in_use")
    pending = []
    for path, session in zip(paths, sessions, strict=True):
        saved = save_common(session, common_points(comparison, catalog(session.language)))
        data = encode_session(session, path)
        writable_target(path)
        pending.append((path, data, len(saved)))
    return pending


def _write_all(pending: Sequence[tuple[Path, bytes, int]], tr: Catalog) -> int:
    """Write each prepared file; if one still fails, say which were written and which not."""
    from okrtui.storage import atomic_write

    written: list[Path] = []
    for index, (path, data, count) in enumerate(pending):
        try:
            atomic_write(path, data)
        except (FileProblem, KeyboardInterrupt) as error:
            if isinstance(error, FileProblem):
                _say(f"okrtui: {error.message(tr)}", error=True)
            if written:
                _say(tr("compare.save.written", paths=_paths(written)), error=True)
            _say(tr("compare.save.not_written", paths=_paths(p for p, _, _ in pending[index:])),
                 error=True)
            if isinstance(error, KeyboardInterrupt):
                raise
            return EXIT_UNUSABLE
        written.append(path)
        _say(tr("compare.save.done", path=show_path(path), count=count), error=True)
    return EXIT_OK


def _paths(paths: object) -> str:
    return ", ".join(show_path(path) for path in paths)  # type: ignore[attr-defined]


def _merge(args: argparse.Namespace) -> int:
    """Several team files into one multi-team session; the report says what was reconciled."""
    from okrtui.merge import merge_sessions
    from okrtui.storage import load_session, save_session
    from okrtui.text import clean_line

    paths = list(dict.fromkeys(args.files))
    sources = [(show_path(path), load_session(path)) for path in paths]
    if len(sources) < 2:
        raise SessionFileError(paths[0], "merge.one_file")
    tr = _session_catalog(sources[0][1], args.lang)
    if args.output.exists() and not args.force:
        raise SessionFileError(args.output, "merge.exists")
    _refuse_locked([args.output], "merge.file_in_use")
    merged = merge_sessions(sources, title=clean_line(args.title or "") or None)
    save_session(merged.session, args.output)
    for note in merged.notes:
        _say(note.text(tr))
    _say(tr("merge.done", path=show_path(args.output),
             teams=tr("merge.teams", count=len(merged.session.teams)),
             participants=tr("merge.participants", count=len(merged.session.participants)),
             files=len(sources)))
    return EXIT_OK


def _import_roadmap(args: argparse.Namespace) -> int:
    """Add a roadmap's items to a session file's team (saved at once), for mapping later."""
    from okrtui import lock
    from okrtui.roadmap import import_roadmap, read_roadmap
    from okrtui.storage import load_session, save_session

    titles = read_roadmap(args.roadmap)
    session = load_session(args.file)
    tr = _session_catalog(session, args.lang)
    holder = lock.other_live_holder(args.file)
    if holder is not None:
        raise SessionFileError(args.file, "roadmap.file_in_use", host=show_path(holder.host),
                               pid=holder.pid)
    team = next((team for team in session.teams if args.team in (None, team.id, team.name)),
                None)
    if team is None:
        raise SessionFileError(args.file, "roadmap.no_such_team", team=args.team,
                               teams=", ".join(team.id for team in session.teams))
    from okrtui import recovery

    if recovery.find_for(args.file) is not None:
        raise SessionFileError(args.file, "roadmap.recover_first")
    added = import_roadmap(session, team, titles)
    if added:
        save_session(session, args.file)
    _say(tr("roadmap.imported", count=len(added), skipped=len(titles) - len(added),
            path=show_path(args.file), team=team.name or team.id))
    return EXIT_OK


def _new(args: argparse.Namespace, tr: Catalog) -> int:
    if args.file is not None and args.file.exists():
        shown = show_path(args.file)
        _say(f"okrtui: {shown}: {tr('cli.help.already_exists', path=shown)}", error=True)
        return EXIT_UNUSABLE
    return _run_app(args.lang, new_path=args.file, new_title=args.title or "", start_new=True)


def _open(args: argparse.Namespace) -> int:
    if not args.file.exists():
        from okrtui import recovery

        if recovery.find_for(args.file) is not None:  # never saved, but recoverable
            return _run_app(args.lang, path=args.file)
        raise SessionFileError(args.file, "cli.no_such_file", file=args.file)
    from okrtui.storage import load_session

    session = load_session(args.file)
    return _run_app(args.lang, session=session, path=args.file)


def _run_app(lang: str | None, **options: object) -> int:
    from okrtui.screens.app import OkrApp

    app = OkrApp(lang=lang, **options)  # type: ignore[arg-type, unused-ignore]
    try:
        app.run()
    finally:
        app.release_lock()
    return app.return_code or EXIT_OK

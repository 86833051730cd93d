"""The command line. Arguments are parsed and files checked before the UI is imported,
so `okrtui check` and `okrtui --help` never pay for Textual (nor --help for pydantic)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from okrtui import __version__
from okrtui.i18n import LANGUAGES, Catalog, catalog, guess_language
from okrtui.problems import FileProblem, SessionFileError

if TYPE_CHECKING:
    from okrtui.compare import Comparison
    from okrtui.findings import Finding
    from okrtui.models import Session

COMMANDS = ("new", "open", "check", "coach", "export", "compare", "merge", "import-roadmap")
EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


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


def _parser(tr: Catalog, command: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="okrtui", description=tr("cli.help.description"))
    parser.add_argument("--version", action="version", version=f"okrtui {__version__}",
                        help=tr("cli.help.version"))
    lang = {"choices": LANGUAGES, "help": tr("cli.help.lang")}
    if command is None:
        parser.add_argument("file", nargs="?", type=Path, help=tr("cli.help.file"))
        parser.add_argument("--lang", **lang)
        parser.epilog = f"{tr('cli.help.commands')}: {', '.join(COMMANDS)} (okrtui COMMAND --help)"
        return parser
    sub = parser.add_subparsers(dest="command", required=True, title=tr("cli.help.commands"))
    new = sub.add_parser("new", help=tr("cli.help.new"), description=tr("cli.help.new"))
    new.add_argument("file", nargs="?", type=Path, help=tr("cli.help.new_file"))
    new.add_argument("--title", help=tr("cli.help.title"))
    new.add_argument("--lang", **lang)
    open_ = sub.add_parser("open", help=tr("cli.help.open"), description=tr("cli.help.open"))
    open_.add_argument("file", type=Path, help=tr("cli.help.file"))
    open_.add_argument("--lang", **lang)
    check = sub.add_parser("check", help=tr("cli.help.check"), description=tr("cli.help.check"))
    check.add_argument("file", type=Path, help=tr("cli.help.file"))
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help=tr("cli.help.format"))
    check.add_argument("--lang", **lang)
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
    export.add_argument("--lang", **lang)
    compare = sub.add_parser("compare", help=tr("cli.help.compare"),
                             description=tr("cli.help.compare"))
    compare.add_argument("files", nargs="+", type=Path, metavar="FILE",
                         help=tr("cli.help.compare_files"))
    compare.add_argument("--format", choices=("text", "json"), default="text",
                         help=tr("cli.help.format"))
    compare.add_argument("--save", action="store_true", help=tr("compare.save.help"))
    compare.add_argument("--lang", **lang)
    merge = sub.add_parser("merge", help=tr("merge.help.command"),
                           description=tr("merge.help.command"))
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE", help=tr("merge.help.files"))
    merge.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                       help=tr("merge.help.output"))
    merge.add_argument("--title", help=tr("merge.help.title"))
    merge.add_argument("--force", action="store_true", help=tr("merge.help.force"))
    merge.add_argument("--lang", **lang)
    roadmap = sub.add_parser("import-roadmap", help=tr("cli.help.import_roadmap"),
                             description=tr("cli.help.import_roadmap"))
    roadmap.add_argument("roadmap", type=Path, help=tr("cli.help.roadmap_file"))
    roadmap.add_argument("file", type=Path, help=tr("cli.help.file"))
    roadmap.add_argument("--team", help=tr("cli.help.team"))
    roadmap.add_argument("--lang", **lang)
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
    argv = _command_first(list(sys.argv[1:] if argv is None else argv))
    tr = catalog(_language_asked(argv) or guess_language())
    command = argv[0] if argv and argv[0] in COMMANDS else None
    args = _parser(tr, command).parse_args(argv)
    try:
        if command == "check":
            return _check(args)
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
        print(f"okrtui: {error.message(tr)}", file=sys.stderr)
        return EXIT_UNUSABLE


def _session_catalog(session: Session, lang: str | None) -> Catalog:
    return catalog(lang or session.language)


def _check(args: argparse.Namespace) -> int:
    from okrtui.findings import session_findings
    from okrtui.storage import load_session

    session = load_session(args.file)
    tr = _session_catalog(session, args.lang)
    findings = session_findings(session, tr, silenced=True)
    return _report(findings, tr, args.format, str(args.file))


def _coach(args: argparse.Namespace) -> int:
    from okrtui.coach import guess_language
    from okrtui.findings import wording_findings
    from okrtui.text import clean_text

    kind, text = ("objective", args.objective) if args.objective is not None else ("kr", args.kr)
    text = clean_text(text)
    tr = catalog(args.lang or guess_language(text))
    findings = wording_findings(tr, kind, text, item=kind)
    return _report(findings, tr, args.format, text)


def _report(findings: list[Finding], tr: Catalog, output: str, subject: str) -> int:
    """Print findings as text or JSON; the exit code says whether there is an error."""
    from okrtui.findings import has_errors

    active = [f for f in findings if f.silenced_because is None]
    if output == "json":
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            silenced = (f" [{tr('cli.silenced', reason=finding.silenced_because)}]"
                        if finding.silenced_because is not None else "")
            where = f" {finding.item}" if finding.item else ""
            print(f"{tr('severity.' + finding.severity)}: {finding.rule}{where}: "
                  f"{finding.message} {finding.suggestion}{silenced}")
        counts = {s: sum(f.severity == s for f in active) for s in ("error", "warning", "info")}
        if active:
            print(tr("cli.summary", path=subject, errors=counts["error"],
                     warnings=counts["warning"], infos=counts["info"]))
        else:
            print(tr("cli.no_problems", path=subject))
    return EXIT_PROBLEMS if has_errors(active) else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from okrtui.export import to_markdown
    from okrtui.storage import atomic_write, load_session

    session = load_session(args.file)
    tr = _session_catalog(session, args.lang)
    text = to_markdown(session, tr)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    atomic_write(args.output, text.encode("utf-8"))
    print(tr("cli.exported", path=args.output), file=sys.stderr)
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    from okrtui.compare import compare_teams, render_text
    from okrtui.storage import load_session

    paths = list(dict.fromkeys(args.files))  # the same file twice is one set of teams
    sources = [(str(path), load_session(path)) for path in paths]
    if sum(len(session.teams) for _, session in sources) < 2:
        raise SessionFileError(paths[0], "cli.compare_one_team")
    tr = _session_catalog(sources[0][1], args.lang)
    comparison = compare_teams(sources)
    if args.save:
        _refuse_locked(paths, "compare.save.in_use")
    if args.format == "json":
        print(json.dumps(comparison.as_dict(tr.language), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_text(comparison, tr))
    if args.save:
        _save_common(comparison, paths, [session for _, session in sources], tr)
    return EXIT_OK


def _refuse_locked(paths: Sequence[Path], key: str) -> None:
    """Raise (before anything is written) if another live okrtui is editing one of paths."""
    from okrtui import lock

    for path in paths:
        holder = lock.other_live_holder(path)
        if holder is not None:
            raise SessionFileError(path, key, host=holder.host, pid=holder.pid)


def _save_common(comparison: Comparison, paths: Sequence[Path], sessions: Sequence[Session],
                 tr: Catalog) -> None:
    """The comparison as "what we have in common" in every compared file, in its language."""
    from okrtui.compare import common_points, save_common
    from okrtui.storage import save_session

    for path, session in zip(paths, sessions, strict=True):
        saved = save_common(session, common_points(comparison, catalog(session.language)))
        save_session(session, path)
        print(tr("compare.save.done", path=path, count=len(saved)), file=sys.stderr)


def _merge(args: argparse.Namespace) -> int:
    """Several team files into one multi-team session; the report says what was reconciled."""
    from okrtui.merge import merge_sessions
    from okrtui.storage import load_session, save_session
    from okrtui.text import clean_line

    paths = list(dict.fromkeys(args.files))
    sources = [(str(path), load_session(path)) for path in paths]
    if len(sources) < 2:
        raise SessionFileError(paths[0], "merge.one_file")
    tr = _session_catalog(sources[0][1], args.lang)
    if args.output.exists() and not args.force:
        raise SessionFileError(args.output, "merge.exists")
    _refuse_locked([args.output], "merge.file_in_use")
    merged = merge_sessions(sources, title=clean_line(args.title or "") or None)
    save_session(merged.session, args.output)
    for note in merged.notes:
        print(note.text(tr))
    print(tr("merge.done", path=args.output, teams=len(merged.session.teams),
             participants=len(merged.session.participants), files=len(sources)))
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
        raise SessionFileError(args.file, "roadmap.file_in_use", host=holder.host,
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
    print(tr("roadmap.imported", count=len(added), skipped=len(titles) - len(added),
             path=args.file, team=team.name or team.id))
    return EXIT_OK


def _new(args: argparse.Namespace, tr: Catalog) -> int:
    if args.file is not None and args.file.exists():
        print(f"okrtui: {args.file}: {tr('cli.help.already_exists', path=args.file)}",
              file=sys.stderr)
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
    from screens.app import OkrApp

    app = OkrApp(lang=lang, **options)  # type: ignore[arg-type]
    try:
        app.run()
    finally:
        app.release_lock()
    return app.return_code or EXIT_OK

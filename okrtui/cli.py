"""The command line. Arguments are parsed and files checked before the UI is imported,
so `okrtui check` and `okrtui --help` never pay for Textual (nor --help for pydantic)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from okrtui import __version__, cli_files, cli_findings, cli_progress
from okrtui.cli_args import Parser
from okrtui.cli_output import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_UNUSABLE,
    say,
    say_problem,
    silence,
)
from okrtui.i18n import LANGUAGES, Catalog, catalog, guess_language
from okrtui.problems import FileProblem, SessionFileError
from okrtui.room.addresses import BadAddress, Listen, parse_listen
from okrtui.text import show_path

COMMANDS = ("new", "open", "check", "coach", "export", "compare", "merge", "import-roadmap",
            "checkin", "status", "report")


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


def _add_room(parser: argparse.ArgumentParser, tr: Catalog) -> None:
    """--room [ADDRESS][:PORT]: the room opens once the session is on screen."""
    parser.add_argument("--room", nargs="?", const="", metavar=tr("cli.args.room"),
                        help=tr("cli.help.room"))


def room_listen(value: str | None) -> Listen | None:
    """Where --room asks the room to listen (None: no room); BadAddress when it is not
    [ADDRESS][:PORT]."""
    return None if value is None else parse_listen(value)


def _command(sub: Any, name: str, tr: Catalog, key: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, tr=tr, help=tr(key), description=tr(key))
    return parser


def _parser(tr: Catalog, command: str | None) -> argparse.ArgumentParser:
    parser = Parser(tr=tr, prog="okrtui", description=tr("cli.help.description"))
    parser.add_argument("--version", action="version", version=f"okrtui {__version__}",
                        help=tr("cli.help.version"))
    if command is None:
        parser.add_argument("file", nargs="?", type=Path, metavar=tr("cli.args.file"),
                            help=tr("cli.help.file"))
        _add_lang(parser, tr)
        _add_room(parser, tr)
        parser.epilog = (f"{tr('cli.help.commands')}{tr('export.colon')} {', '.join(COMMANDS)} "
                          f"(okrtui {tr('cli.args.command')} --help)")
        return parser
    sub = parser.add_subparsers(dest="command", required=True, title=tr("cli.help.commands"))
    new = _command(sub, "new", tr, "cli.help.new")
    new.add_argument("file", nargs="?", type=Path, metavar=tr("cli.args.file"),
                     help=tr("cli.help.new_file"))
    new.add_argument("--title", metavar=tr("cli.args.title"), help=tr("cli.help.title"))
    _add_lang(new, tr)
    open_ = _command(sub, "open", tr, "cli.help.open")
    open_.add_argument("file", type=Path, metavar=tr("cli.args.file"), help=tr("cli.help.file"))
    _add_lang(open_, tr)
    _add_room(open_, tr)
    check = _command(sub, "check", tr, "cli.help.check")
    check.add_argument("files", nargs="+", type=Path, metavar=tr("cli.args.file"),
                       help=tr("cli.help.file"))
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help=tr("cli.help.format"))
    _add_lang(check, tr)
    coach = _command(sub, "coach", tr, "cli.help.coach")
    wording = coach.add_mutually_exclusive_group(required=True)
    wording.add_argument("--objective", metavar=tr("cli.args.text"), help=tr("cli.help.objective"))
    wording.add_argument("--kr", metavar=tr("cli.args.text"), help=tr("cli.help.kr"))
    coach.add_argument("--format", choices=("text", "json"), default="text",
                       help=tr("cli.help.format"))
    coach.add_argument("--lang", choices=LANGUAGES, help=tr("cli.help.coach_lang"))
    export = _command(sub, "export", tr, "cli.help.export")
    export.add_argument("file", type=Path, metavar=tr("cli.args.file"), help=tr("cli.help.file"))
    export.add_argument("--to", choices=("md", "html"), default="md", help=tr("cli.help.to"))
    export.add_argument("-o", "--output", type=Path, metavar=tr("cli.args.out"),
                        help=tr("cli.help.output"))
    export.add_argument("--force", action="store_true", help=tr("cli.help.export_force"))
    _add_lang(export, tr)
    compare = _command(sub, "compare", tr, "cli.help.compare")
    compare.add_argument("files", nargs="+", type=Path, metavar=tr("cli.args.file"),
                         help=tr("cli.help.compare_files"))
    compare.add_argument("--format", choices=("text", "json"), default="text",
                         help=tr("cli.help.format"))
    compare.add_argument("--save", action="store_true", help=tr("compare.save.help"))
    _add_lang(compare, tr)
    merge = _command(sub, "merge", tr, "merge.help.command")
    merge.add_argument("files", nargs="+", type=Path, metavar=tr("cli.args.file"),
                       help=tr("merge.help.files"))
    merge.add_argument("-o", "--output", type=Path, required=True, metavar=tr("cli.args.out"),
                       help=tr("merge.help.output"))
    merge.add_argument("--title", metavar=tr("cli.args.title"), help=tr("merge.help.title"))
    merge.add_argument("--force", action="store_true", help=tr("merge.help.force"))
    _add_lang(merge, tr)
    report = _command(sub, "report", tr, "report.help.command")
    report.add_argument("files", nargs="+", type=Path, metavar=tr("cli.args.file"),
                        help=tr("report.help.files"))
    report.add_argument("--to", choices=("html", "md", "json"), required=True,
                        help=tr("report.help.to"))
    report.add_argument("-o", "--output", type=Path, metavar=tr("cli.args.out"),
                        help=tr("report.help.output"))
    report.add_argument("--force", action="store_true", help=tr("report.help.force"))
    _add_lang(report, tr)
    roadmap = _command(sub, "import-roadmap", tr, "cli.help.import_roadmap")
    roadmap.add_argument("roadmap", type=Path, help=tr("cli.help.roadmap_file"))
    roadmap.add_argument("file", type=Path, metavar=tr("cli.args.file"), help=tr("cli.help.file"))
    roadmap.add_argument("--team", metavar=tr("cli.args.team"), help=tr("cli.help.team"))
    _add_lang(roadmap, tr)
    _add_progress_commands(sub, tr)
    return parser


NEGATIVE_VALUE = re.compile(r"^-[\d.,\s\u00a0\u202f]*\d[\d.,\s\u00a0\u202f]*$")


def _add_progress_commands(sub: Any, tr: Catalog) -> None:
    checkin = _command(sub, "checkin", tr, "cli_checkin.help.command")
    checkin._negative_number_matcher = NEGATIVE_VALUE  # « -3,5 » is a VALUE, not an option
    checkin.add_argument("file", type=Path, metavar=tr("cli.args.file"), help=tr("cli.help.file"))
    for name, option in (("kr", None), ("value", None), ("confidence", "--confidence"),
                         ("note", "--note"), ("date", "--date")):
        metavar = tr("cli.args.text") if name == "note" else tr(f"cli_checkin.args.{name}")
        checkin.add_argument(option or name, metavar=metavar, help=tr(f"cli_checkin.help.{name}"))
    _add_lang(checkin, tr)
    status = _command(sub, "status", tr, "cli_status.help.command")
    status.add_argument("file", type=Path, metavar=tr("cli.args.file"), help=tr("cli.help.file"))
    status.add_argument("--format", choices=("text", "json"), default="text",
                        help=tr("cli.help.format"))
    _add_lang(status, tr)


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
    except BrokenPipeError:  # a write outside emit: the output was all shown that could be
        silence(sys.stdout)
        return EXIT_OK


def _main(argv: Sequence[str] | None) -> int:
    argv = _command_first(list(sys.argv[1:] if argv is None else argv))
    tr = catalog(_language_asked(argv) or guess_language())
    command = argv[0] if argv and argv[0] in COMMANDS else None
    args = _parser(tr, command).parse_args(argv)
    try:
        if command == "check":
            return cli_findings.check(args, tr)
        if command == "coach":
            return cli_findings.coach(args)
        if command == "export":
            return cli_files.export(args)
        if command == "compare":
            return cli_files.compare(args)
        if command == "merge":
            return cli_files.merge(args)
        if command == "new":
            return _new(args, tr)
        if command == "import-roadmap":
            return cli_files.import_roadmap(args)
        if command == "checkin":
            return cli_progress.checkin(args)
        if command == "status":
            return cli_progress.status(args)
        if command == "report":
            return cli_files.report(args)
        room = room_listen(args.room)
        if args.file is None:
            return _run_app(args.lang, room=room)
        return _open(args, room)
    except BadAddress as error:
        say(f"okrtui{tr('export.colon')} {tr(error.args[0])}", error=True)
        return EXIT_UNUSABLE
    except FileProblem as error:
        say_problem(error, tr)
        return EXIT_UNUSABLE




def _new(args: argparse.Namespace, tr: Catalog) -> int:
    if args.file is not None and args.file.exists():
        shown = show_path(args.file)
        colon = tr("export.colon")
        say(f"okrtui{colon} {shown}{colon} {tr('cli.help.already_exists', path=shown)}",
            error=True)
        return EXIT_UNUSABLE
    return _run_app(args.lang, new_path=args.file, new_title=args.title or "", start_new=True)


def _open(args: argparse.Namespace, room: Listen | None) -> int:
    if not args.file.exists():
        from okrtui import recovery

        if recovery.find_for(args.file) is not None:  # never saved, but recoverable
            return _run_app(args.lang, path=args.file, room=room)
        raise SessionFileError(args.file, "cli.no_such_file", file=args.file)
    from okrtui.storage import load_session

    session = load_session(args.file)
    return _run_app(args.lang, session=session, path=args.file, room=room)


def _run_app(lang: str | None, **options: object) -> int:
    from okrtui.screens.app import OkrApp

    app = OkrApp(lang=lang, **options)  # type: ignore[arg-type, unused-ignore]
    try:
        app.run()
    finally:
        app.release_lock()
    return app.return_code or EXIT_OK

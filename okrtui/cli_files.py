"""The commands that write files: `export`, `compare` (--save), `merge`, `import-roadmap`."""

from __future__ import annotations

import argparse
import os
import re
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from okrtui.cli_output import (
    EXIT_OK,
    EXIT_UNUSABLE,
    as_json,
    emit,
    say,
    say_problem,
    session_catalog,
)
from okrtui.i18n import Catalog, catalog
from okrtui.problems import FileProblem, SessionFileError
from okrtui.text import for_terminal, show_path

if TYPE_CHECKING:
    from okrtui.comparison import Comparison
    from okrtui.models import Session
    from okrtui.report import Report


def export(args: argparse.Namespace) -> int:
    from okrtui.storage import load_session
    from okrtui.writing import atomic_write, write_stream

    session = load_session(args.file)
    tr = session_catalog(session, args.lang)
    if args.to == "html":
        from okrtui.html_export import to_html

        text = to_html(session, tr)
    else:
        from okrtui.export import to_markdown

        text = to_markdown(session, tr)
    if args.output is None:
        say(text, end="")
        return EXIT_OK
    data = for_terminal(text).encode("utf-8")
    if _is_stream(args.output, args.file, args.force):
        write_stream(args.output, data)
    else:
        atomic_write(args.output, data)
    say(tr("cli.exported", path=show_path(args.output)), error=True)
    return EXIT_OK


_DESCRIPTOR = re.compile(r"/dev/(stdout|stderr|fd/\d+)|/proc/self/fd/\d+")


def _is_stream(output: Path, source: Path | Sequence[Path], force: bool,
               same_key: str = "cli.export_same_as_input") -> bool:
    """Whether export -o writes to output as a stream (a terminal, a pipe, /dev/null,
    /dev/stdout) rather than replacing it with a file. Raises (same_key) if output is a
    session read (also through a link), or if it is an existing file and force is not
    given."""
    try:
        status = os.stat(output)
    except OSError:
        return False  # a new file (or one atomic_write will say why it cannot write)
    for path in [source] if isinstance(source, Path) else source:
        try:
            same = os.path.samestat(status, os.stat(path))
        except OSError:
            same = False
        if same:
            raise SessionFileError(output, same_key)
    if stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode):
        return True
    if _DESCRIPTOR.fullmatch(str(output)) and stat.S_ISREG(status.st_mode):
        return True  # -o /dev/stdout with the output redirected to a file: append to it
    if stat.S_ISREG(status.st_mode) and not force:
        raise SessionFileError(output, "cli.export_exists")
    return False


def distinct_files(paths: list[Path]) -> list[Path]:
    """Each file once, however it is named (a/x.toml, ./a/x.toml, a link to it): the same
    file twice is one set of teams, not two teams that share everything."""
    seen: set[Path] = set()
    distinct = []
    for path in paths:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a loop of links: loading it says what is wrong
            key = path
        if key not in seen:
            seen.add(key)
            distinct.append(path)
    return distinct


def compare(args: argparse.Namespace) -> int:
    from okrtui.compare import compare_teams
    from okrtui.compare_text import render_text
    from okrtui.storage import load_session

    paths = distinct_files(args.files)
    sources = [(show_path(path), load_session(path)) for path in paths]
    if sum(len(session.teams) for _, session in sources) < 2:
        raise SessionFileError(paths[0], "cli.compare_one_team")
    tr = session_catalog(sources[0][1], args.lang)
    comparison = compare_teams(sources)
    pending = (_prepare_common(comparison, paths, [session for _, session in sources])
               if args.save else [])
    if args.format == "json":
        emit(as_json(comparison.as_dict(tr.language)) + "\n", sys.stdout)
    else:
        say(render_text(comparison, tr), end="")
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
    from okrtui.storage import encode_session
    from okrtui.writing import writable_target

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
    from okrtui.writing import atomic_write

    written: list[Path] = []
    for index, (path, data, count) in enumerate(pending):
        try:
            atomic_write(path, data)
        except (FileProblem, KeyboardInterrupt) as error:
            if isinstance(error, FileProblem):
                say_problem(error, tr)
            if written:
                say(tr("compare.save.written", paths=_paths(written)), error=True)
            say(tr("compare.save.not_written", paths=_paths(p for p, _, _ in pending[index:])),
                 error=True)
            if isinstance(error, KeyboardInterrupt):
                raise
            return EXIT_UNUSABLE
        written.append(path)
        say(tr("compare.save.done", path=show_path(path), count=count), error=True)
    return EXIT_OK


def _paths(paths: object) -> str:
    return ", ".join(show_path(path) for path in paths)  # type: ignore[attr-defined]


def merge(args: argparse.Namespace) -> int:
    """Several team files into one multi-team session; the report says what was reconciled."""
    from okrtui.merge import merge_sessions
    from okrtui.storage import load_session, save_session
    from okrtui.text import clean_line

    paths = distinct_files(args.files)
    sources = [(show_path(path), load_session(path)) for path in paths]
    if len(sources) < 2:
        raise SessionFileError(paths[0], "merge.one_file")
    tr = session_catalog(sources[0][1], args.lang)
    if args.output.exists() and not args.force:
        raise SessionFileError(args.output, "merge.exists")
    _refuse_locked([args.output], "merge.file_in_use")
    merged = merge_sessions(sources, title=clean_line(args.title or "") or None)
    save_session(merged.session, args.output)
    for note in merged.notes:
        say(note.text(tr))
    say(tr("merge.done", path=show_path(args.output),
             teams=tr("merge.teams", count=len(merged.session.teams)),
             participants=tr("merge.participants", count=len(merged.session.participants)),
             files=len(sources)))
    return EXIT_OK


def import_roadmap(args: argparse.Namespace) -> int:
    """Add a roadmap's items to a session file's team (saved at once), for mapping later."""
    from okrtui import lock
    from okrtui.roadmap import import_roadmap, read_roadmap
    from okrtui.storage import load_session, save_session

    titles = read_roadmap(args.roadmap)
    session = load_session(args.file)
    tr = session_catalog(session, args.lang)
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
    say(tr("roadmap.imported", count=len(added), skipped=len(titles) - len(added),
            path=show_path(args.file), team=team.name or team.id))
    return EXIT_OK


def report(args: argparse.Namespace) -> int:
    """Several teams' files rolled up: every file is read (the first unusable one stops it,
    named) and the output checked before anything is written."""
    from okrtui.report import build_report
    from okrtui.storage import load_session
    from okrtui.writing import atomic_write, write_stream

    paths = distinct_files(args.files)
    sources = [(show_path(path), load_session(path)) for path in paths]
    tr = session_catalog(sources[0][1], args.lang)
    stream = args.output is not None and _is_stream(args.output, paths, args.force,
                                                    "report.same_as_input")
    text = _report_text(build_report(sources), args.to, tr)
    if args.output is None:
        emit(for_terminal(text), sys.stdout)
        return EXIT_OK
    data = for_terminal(text).encode("utf-8")
    if stream:
        write_stream(args.output, data)
    else:
        atomic_write(args.output, data)
    say(tr("report.written", path=show_path(args.output)), error=True)
    return EXIT_OK


def _report_text(report: Report, to: str, tr: Catalog) -> str:
    if to == "html":
        from okrtui.report_html import to_html

        return to_html(report, tr)
    from okrtui.report_text import to_json, to_markdown

    return to_json(report, tr) if to == "json" else to_markdown(report, tr)

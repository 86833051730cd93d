"""The commands that report the coach's findings: `check` (session files) and `coach` (one
wording)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from okrtui.cli_output import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_UNUSABLE,
    as_json,
    emit,
    say,
    say_problem,
    session_catalog,
)
from okrtui.i18n import Catalog, catalog
from okrtui.problems import FileProblem
from okrtui.text import show_path

if TYPE_CHECKING:
    from okrtui.coach import Kind
    from okrtui.findings import Finding


def check(args: argparse.Namespace, tr: Catalog) -> int:
    """Check each FILE (pre-commit passes many): each report names its file, and the exit
    code is the worst of them (a file that cannot be read: 2, after the others are checked).
    With several files, each text line starts with its file, and JSON is one list of the
    findings of all files, each with its "file"."""
    from okrtui.findings import has_errors, session_findings
    from okrtui.storage import load_session

    paths: list[Path] = args.files
    if len(paths) == 1:
        session = load_session(paths[0])
        session_tr = session_catalog(session, args.lang)
        findings = session_findings(session, session_tr, silenced=True)
        return _report(findings, session_tr, args.format, show_path(paths[0]))
    worst = EXIT_OK
    every: list[dict[str, object]] = []
    for path in paths:
        try:
            session = load_session(path)
        except FileProblem as error:
            say_problem(error, tr)
            worst = max(worst, EXIT_UNUSABLE)
            continue
        session_tr = session_catalog(session, args.lang)
        findings = session_findings(session, session_tr, silenced=True)
        if args.format == "json":
            every += [{"file": show_path(path), **finding.as_dict()} for finding in findings]
            active = [f for f in findings if f.silenced_because is None]
            code = EXIT_PROBLEMS if has_errors(active) else EXIT_OK
        else:
            code = _report(findings, session_tr, "text", show_path(path),
                           prefix=f"{show_path(path)}{session_tr('export.colon')} ")
        worst = max(worst, code)
    if args.format == "json":
        emit(as_json(every) + "\n", sys.stdout)
    return worst


def coach(args: argparse.Namespace) -> int:
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
        emit(as_json([f.as_dict() for f in findings]) + "\n", sys.stdout)
    else:
        for finding in findings:
            silenced = (f" [{tr('cli.silenced', reason=finding.silenced_because)}]"
                        if finding.silenced_because is not None else "")
            where = f" {finding.item}" if finding.item else ""
            colon = tr("export.colon")
            say(f"{prefix}{tr('severity.' + finding.severity)}{colon} {finding.rule}{where}{colon} "
                f"{finding.message} {finding.suggestion}{silenced}")
        counts = {s: sum(f.severity == s for f in active) for s in ("error", "warning", "info")}
        if active:
            say(tr("cli.summary", path=subject, errors=tr("cli.errors", count=counts["error"]),
                     warnings=tr("cli.warnings", count=counts["warning"]),
                     infos=tr("cli.infos", count=counts["info"])))
        else:
            say(tr("cli.no_problems", path=subject))
    return EXIT_PROBLEMS if has_errors(active) else EXIT_OK

"""The commands of the quarter after the workshop: `checkin` (record where a key result
stands, saved at once) and `status` (where every key result stands; exit 1 when one is off
track, so that a team can gate on it)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
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
from okrtui.i18n import Catalog
from okrtui.numbers import amount_text
from okrtui.problems import FileProblem, SessionFileError
from okrtui.text import clean_text, show_path

if TYPE_CHECKING:
    from okrtui.kr_refs import FoundKr
    from okrtui.models import KeyResult, Session
    from okrtui.progress import ConfidenceState, Unknown
    from okrtui.status import KrStatus, ObjectiveStatus


class BadArgument(Exception):
    """An argument that cannot be recorded: key is the catalog key that says what to do."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)


def checkin(args: argparse.Namespace) -> int:
    """Record a check-in on one key result and save the session, or write nothing (exit 2)."""
    from okrtui.models import CheckIn
    from okrtui.progress import add_check_in, confidence_state, progress
    from okrtui.storage import file_stamp, load_session, save_session

    stamp = file_stamp(args.file)
    session = load_session(args.file)
    tr = session_catalog(session, args.lang)
    try:
        found = _find(session, args.kr, args.file)
        value, confidence, day = _read_check_in(args, tr)
        _refuse_if_open(args.file)
        note = clean_text(args.note or "").strip() or None
        add_check_in(found.kr, CheckIn(date=day, value=value, confidence=confidence,
                                       note=note))
        if file_stamp(args.file) != stamp:  # another check-in, or an edit, meanwhile
            raise FileProblem(args.file, "cli_checkin.changed_meanwhile")
        save_session(session, args.file)
    except BadArgument as error:
        params = {name: show_path(value) for name, value in error.params.items()}
        say(f"okrtui{tr('export.colon')} {tr(error.key, **params)}", error=True)
        return EXIT_UNUSABLE
    except FileProblem as error:
        say_problem(error, tr)
        return EXIT_UNUSABLE
    say(tr("cli_checkin.recorded", label=show_path(found.label), text=one_line(found.kr.text),
           date=day.isoformat(), value=amount_text(value, found.kr.unit, tr.language, one_line),
           progress=_progress(progress(found.kr.baseline, found.kr.target, value), tr),
           confidence=_confidence(confidence, confidence_state(confidence), tr)))
    return EXIT_OK


def _find(session: Session, ref: str, path: Path) -> FoundKr:
    from okrtui.kr_refs import KrRefProblem, find_kr

    try:
        return find_kr(session, ref)
    except KrRefProblem as problem:
        params = {name: show_path(value) for name, value in problem.params.items()}
        raise SessionFileError(path, problem.key, **params) from None


def _read_check_in(args: argparse.Namespace, tr: Catalog) -> tuple[int | float, int | None, date]:
    """The value, confidence and date given, or BadArgument saying which is wrong."""
    from okrtui.check_in_input import Unreadable, read_confidence, read_day, read_value

    try:
        return (read_value(args.value, tr.language), read_confidence(args.confidence or ""),
                read_day(args.date or "", date.today()))
    except Unreadable as error:
        reason = "bad_value" if error.reason == "value_required" else error.reason
        raise BadArgument(f"cli_checkin.{reason}", **error.values) from None


def _refuse_if_open(path: Path) -> None:
    """As import-roadmap: never write under an okrtui that has the file open, nor over
    changes it stopped before saving."""
    from okrtui import lock, recovery

    holder = lock.other_live_holder(path)
    if holder is not None:
        raise FileProblem(path, "cli_checkin.file_in_use", host=show_path(holder.host),
                          pid=holder.pid)
    if recovery.find_for(path) is not None:
        raise FileProblem(path, "cli_checkin.recover_first")


def status(args: argparse.Namespace) -> int:
    from okrtui.status import session_status
    from okrtui.storage import load_session

    session = load_session(args.file)
    tr = session_catalog(session, args.lang)
    report = session_status(session)
    if args.format == "json":
        emit(as_json({"file": show_path(args.file), **report.as_dict()}) + "\n", sys.stdout)
    else:
        say(status_text(report.objectives, session, tr), end="")
        counts = {state: report.count(state) for state in ("on_track", "at_risk", "off_track")}
        say(tr("cli_status.summary", key_results=tr("cli_status.key_results",
                                                count=len(report.key_results)),
               not_told=report.count(None), **counts))
        if report.off_track:
            say(tr("cli_status.off_track_list",
                   labels=", ".join(show_path(kr.found.label) for kr in report.off_track)))
    return EXIT_PROBLEMS if report.off_track else EXIT_OK


def status_text(objectives: tuple[ObjectiveStatus, ...], session: Session, tr: Catalog) -> str:
    lines = [one_line(session.title) + (f" ({one_line(session.period)})" if session.period
                                        else "")]
    for team in session.teams:
        lines += ["", tr("cli_status.team", name=one_line(team.name or team.id))]
        mine = [objective for objective in objectives if objective.team is team]
        if not mine:
            lines.append(f"  {tr('cli_status.no_objectives')}")
        for objective in mine:
            lines.append(f"  {show_path(objective.label)} · {one_line(objective.objective.text)}"
                         f" ({_objective_state(objective, tr)})")
            for kr in objective.key_results:
                lines += _kr_lines(kr, tr)
    return "\n".join(lines) + "\n"


def _objective_state(objective: ObjectiveStatus, tr: Catalog) -> str:
    from okrtui.numbers import grade_text
    from okrtui.progress import objective_grade, succeeded

    words = [tr(f"quarter.kind.{objective.objective.kind}")]
    grade = objective_grade(objective.objective)
    if grade is not None:
        reached = tr("cli_status.reached" if succeeded(objective.objective)
                     else "cli_status.missed")
        words.append(tr("cli_status.grade", grade=grade_text(grade, tr.language),
                        reached=reached))
    return ", ".join(words)


def _kr_lines(status: KrStatus, tr: Catalog) -> list[str]:
    from okrtui.baselines import measuring_action
    from okrtui.numbers import grade_text
    from okrtui.progress import latest

    kr = status.found.kr
    check_in = latest(kr)
    parts = [_span(kr, tr)]
    if check_in is not None:
        value = amount_text(check_in.value, kr.unit, tr.language, one_line)
        parts.append(tr("cli_status.latest", value=value,
                        date=check_in.date.isoformat()))
    parts.append(_progress(status.progress, tr))
    if check_in is not None:
        parts.append(_confidence(check_in.confidence, status.state, tr))
    if kr.grade is not None:
        parts.append(tr("cli_status.kr_grade", grade=grade_text(kr.grade, tr.language)))
    lines = [f"    {show_path(status.found.label)} · {one_line(kr.text)}",
             f"      {tr('cli_status.separator').join(parts)}"]
    action = measuring_action(status.found.objective, kr)
    if status.progress == "no_baseline" and action is not None:
        lines.append(f"      {tr('cli_status.measured_by', action=one_line(action.text))}")
    if check_in is not None and check_in.note:
        lines.append(f"      {tr('cli_status.note', note=one_line(check_in.note))}")
    return lines


def _span(kr: KeyResult, tr: Catalog) -> str:
    def amount(value: float | None) -> str | None:
        return None if value is None else amount_text(value, kr.unit, tr.language, one_line)

    baseline, target = amount(kr.baseline), amount(kr.target)
    if baseline is None:
        return tr("cli_status.neither") if target is None else tr("cli_status.to_only",
                                                                   target=target)
    if target is None:
        return tr("cli_status.from_only", baseline=baseline)
    return tr("cli_status.from_to", baseline=baseline, target=target)


def _progress(progress: float | Unknown, tr: Catalog) -> str:
    from okrtui.numbers import percent_text

    if isinstance(progress, str):
        return tr(f"quarter.unknown.{progress}")
    return tr("cli_status.progress", percent=percent_text(progress, tr.language))


def _confidence(confidence: int | None, state: ConfidenceState | None, tr: Catalog) -> str:
    if confidence is None or state is None:
        return tr("cli_status.no_confidence")
    return tr("cli_status.confidence", confidence=confidence, state=tr(f"quarter.state.{state}"))


def one_line(text: str) -> str:
    """User text on one line of output, its control characters written out."""
    return show_path(" ".join(text.split()))

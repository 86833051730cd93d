"""Several team files into one multi-team session (`okrtui merge`): the bottom-up way of the
source's second lesson, once each team has written its own OKRs in its own file.

Teams come in the order of the files. A participant whose name is in an earlier file (case
and accents aside) is one person. Every id is kept where it is free; an id an earlier file
already uses is renamed with the next free number of its prefix (`k1` → `k8`), and every
reference to it is rewritten (authors, owners, votes, moves, promotions, roadmap items,
KPIs, measuring actions). Decision logs and common points of all files are kept. What the
files disagree on — language, anonymity, dots, phase lengths, period, title — keeps the
first file's value, and the report says so: each `Note` is told in the catalog's words.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from okrtui.i18n import Catalog
from okrtui.item_ids import all_ids
from okrtui.models import Session

REFERENCES = ("author", "owner", "participant", "idea", "promoted_to", "measures",
              "from_objective", "became")
"""Keys whose value is the id of another item (in any table of the session)."""
REFERENCE_LISTS = ("moves", "serves")
"""Keys whose value is a list of ids."""
MAX_RUNS_SHOWN = 30

_NUMBERED = re.compile(r"^(.*?)(\d+)$")


class Term(str):
    """A parameter of a note that is itself a catalog key (a language's name)."""


@dataclass(frozen=True)
class Note:
    """One line of the report: a catalog key and what fills it in."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, tr: Catalog) -> str:
        return tr(self.key, **{name: tr(value) if isinstance(value, Term) else value
                               for name, value in self.params.items()})


@dataclass(frozen=True)
class Merged:
    session: Session
    notes: tuple[Note, ...]
    renamed: Mapping[str, Mapping[str, str]]
    """source → old id → new id, for the ids an earlier file already used."""
    unified: Mapping[str, Mapping[str, str]]
    """source → participant id → the id of the same person in an earlier file."""


def fold(name: str) -> str:
    """A person's name as compared: case, accents and spacing aside."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def merge_sessions(sources: Sequence[tuple[str, Session]], title: str | None = None) -> Merged:
    """One session holding every team of the sources (source: how the report names a file).

    title: the merged session's; by default the first file's."""
    if not sources:
        raise ValueError("nothing to merge")
    first_source, first = sources[0]
    merged = first.model_dump()
    if title:
        merged["title"] = title
    notes = _setting_notes(sources, merged, title_given=bool(title))
    ids = _FreeIds(set(all_ids(first)))
    people: dict[str, tuple[str, str]] = {}
    for participant in first.participants:
        people.setdefault(fold(participant.name), (participant.id, first_source))
    people.pop("", None)
    renamed: dict[str, dict[str, str]] = {}
    unified: dict[str, dict[str, str]] = {}
    for source, session in sources[1:]:
        table = session.model_dump()
        mapping: dict[str, str] = {}
        gone: set[str] = set()
        participants = []
        for participant in table["participants"]:
            same = people.get(fold(participant["name"]))
            if same is None:
                participants.append(participant)
                continue
            mapping[participant["id"]] = same[0]
            gone.add(participant["id"])
            unified.setdefault(source, {})[participant["id"]] = same[0]
            notes.append(Note("merge.unified", {"source": source, "name": participant["name"],
                                                "other": same[1], "id": same[0]}))
        known = {_point_key(point) for point in merged["common"]}
        common = [point for point in table["common"] if _point_key(point) not in known]
        gone |= {point["id"] for point in table["common"]} - {point["id"] for point in common}
        if len(common) < len(table["common"]):
            notes.append(Note("merge.common_twice", {
                "source": source, "count": len(table["common"]) - len(common)}))
        own = [item_id for item_id in all_ids(session) if item_id not in gone]
        ids.reserve(own)
        for item_id in own:
            if item_id in ids.taken:
                mapping[item_id] = renamed.setdefault(source, {})[item_id] = ids.free(item_id)
        table["participants"], table["common"] = participants, common
        _rewrite(table, mapping)
        ids.taken.update(mapping.get(item_id, item_id) for item_id in own)
        for participant in participants:
            people.setdefault(fold(participant["name"]), (participant["id"], source))
        people.pop("", None)
        for key in ("participants", "teams", "decision_log", "common"):
            merged[key] += table[key]
        if source in renamed:
            notes.append(_renamed_note(source, renamed[source]))
    notes += _team_notes(merged, sources)
    return Merged(Session.model_validate(merged), tuple(notes), renamed, unified)


def _point_key(point: dict[str, Any]) -> tuple[str, str, tuple[str, ...]]:
    """A common point as the teams read it: the same one written into two files is one."""
    return point["text"], point["kind"], tuple(point["items"])


class _FreeIds:
    """Ids in use, and the next free number of each prefix (counted, not rescanned)."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self.reserved = set(taken)
        self.highest: dict[str, int] = {}
        self._count(taken)

    def _count(self, item_ids: Iterable[str]) -> None:
        for item_id in item_ids:
            match = _NUMBERED.match(item_id)
            if match:
                prefix, number = match.group(1), int(match.group(2))
                self.highest[prefix] = max(self.highest.get(prefix, 0), number)

    def reserve(self, item_ids: list[str]) -> None:
        """The ids of the file being merged: no renamed id may take one of them."""
        self.reserved.update(item_ids)
        self._count(item_ids)

    def free(self, item_id: str) -> str:
        match = _NUMBERED.match(item_id)
        prefix = match.group(1) if match else f"{item_id}-"
        while True:
            number = self.highest.get(prefix, 1) + 1
            self.highest[prefix] = number
            candidate = f"{prefix[:40 - len(str(number))]}{number}"
            if candidate not in self.reserved:
                self.reserved.add(candidate)
                return candidate


def _rewrite(node: Any, mapping: Mapping[str, str]) -> None:
    """Every id and reference in a dumped session, renamed in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and (key == "id" or key in REFERENCES):
                node[key] = mapping.get(value, value)
            elif key in REFERENCE_LISTS and isinstance(value, list):
                node[key] = [mapping.get(item, item) for item in value]
            else:
                _rewrite(value, mapping)
    elif isinstance(node, list):
        for item in node:
            _rewrite(item, mapping)


def _setting_notes(sources: Sequence[tuple[str, Session]], merged: dict[str, Any],
                   title_given: bool) -> list[Note]:
    """What the files disagree on: the first file's value is kept (or, for anonymity, the
    authors are), and each disagreement is said."""
    notes = []
    first_source, first = sources[0]
    later = sources[1:]
    for source, session in later:
        if session.language != first.language:
            notes.append(Note("merge.language", {
                "source": source, "language": Term(f"merge.language_name.{session.language}"),
                "kept": Term(f"merge.language_name.{first.language}")}))
    anonymous = [source for source, session in sources if session.anonymous]
    if anonymous and len(anonymous) < len(sources):
        merged["anonymous"] = False
        notes.append(Note("merge.anonymous", {"sources": ", ".join(anonymous)}))
    for source, session in later:
        if session.dots_per_person != first.dots_per_person:
            notes.append(Note("merge.dots", {"source": source, "dots": session.dots_per_person,
                                             "kept": first.dots_per_person}))
        if session.timebox != first.timebox:
            notes.append(Note("merge.timebox", {"source": source,
                                                "minutes": _minutes(session),
                                                "kept": _minutes(first)}))
    periods = [(source, session.period) for source, session in sources if session.period]
    if periods:
        merged["period"] = periods[0][1]
        for source, period in periods[1:]:
            if period != periods[0][1]:
                notes.append(Note("merge.period", {"source": source, "period": period,
                                                   "kept": periods[0][1]}))
    if not title_given and any(session.title != first.title for _, session in later):
        notes.append(Note("merge.title", {"title": first.title, "source": first_source}))
    return notes


def _minutes(session: Session) -> str:
    box = session.timebox
    return f"{box.diverge}/{box.converge}/{box.formalize}"


def _team_notes(merged: dict[str, Any], sources: Sequence[tuple[str, Session]]) -> list[Note]:
    notes = []
    names: dict[str, str] = {}
    for team in merged["teams"]:
        key = fold(team["name"])
        if key and key in names:
            notes.append(Note("merge.same_team_name", {"name": team["name"], "id": team["id"],
                                                       "other": names[key]}))
        names.setdefault(key, team["id"])
    logs = [(source, len(session.decision_log)) for source, session in sources
            if session.decision_log]
    if logs and len(merged["teams"]) > 1:
        notes += [Note("merge.decision_log", {"source": source, "count": count})
                  for source, count in logs]
    return notes


def _renamed_note(source: str, renames: Mapping[str, str]) -> Note:
    runs = _runs(renames)
    shown = [_run_text(run) for run in runs[:MAX_RUNS_SHOWN]]
    if len(runs) > MAX_RUNS_SHOWN:
        shown.append(f"… (+{sum(len(run) for run in runs[MAX_RUNS_SHOWN:])})")
    return Note("merge.renamed", {"source": source, "count": len(renames),
                                  "ids": ", ".join(shown)})


def _runs(renames: Mapping[str, str]) -> list[list[tuple[str, str]]]:
    """Renames in order of prefix and number, consecutive ones together (i1…i5 → i6…i10)."""
    order: dict[str, int] = {}

    def key(pair: tuple[str, str]) -> tuple[int, int, str]:
        match = _NUMBERED.match(pair[0])
        prefix = match.group(1) if match else pair[0]
        return order.setdefault(prefix, len(order)), int(match.group(2)) if match else 0, pair[0]

    runs: list[list[tuple[str, str]]] = []
    for old, new in sorted(renames.items(), key=key):
        if runs and _follows(runs[-1][-1], (old, new)):
            runs[-1].append((old, new))
        else:
            runs.append([(old, new)])
    return runs


def _follows(before: tuple[str, str], after: tuple[str, str]) -> bool:
    pairs = [(_NUMBERED.match(a), _NUMBERED.match(b)) for a, b in zip(before, after, strict=True)]
    return all(a and b and a.group(1) == b.group(1) and int(b.group(2)) == int(a.group(2)) + 1
               for a, b in pairs)


def _run_text(run: list[tuple[str, str]]) -> str:
    if len(run) == 1:
        return f"{run[0][0]} → {run[0][1]}"
    return f"{run[0][0]}…{run[-1][0]} → {run[0][1]}…{run[-1][1]}"

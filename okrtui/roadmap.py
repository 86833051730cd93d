"""A roadmap that came first: its items are imported (a Markdown list, a CSV with a title
column, or a TOML list), then each is mapped to the objectives or key results it serves, or
turned into a tactic or an action. What serves no OKR, and the objectives nothing serves,
are asked about in the review."""

import csv
import io
import re
import tomllib
from pathlib import Path

from okrtui.item_ids import next_id
from okrtui.models import Action, KeyResult, Objective, RoadmapItem, Session, Tactic, Team
from okrtui.problems import SessionFileError
from okrtui.reasons import TomlReason, Worded
from okrtui.storage import decode_utf8, read_user_file
from okrtui.text import clean_line
from okrtui.workshop import add_action, add_tactic, find_item

MAX_ROADMAP_BYTES = 5 * 1024 * 1024
TITLE_COLUMNS = ("title", "titre", "name", "nom", "item", "intitulé", "intitule", "summary")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.+?)\s*$")


class RoadmapFileError(SessionFileError):
    """A roadmap file that cannot be read; the message says where and what to do."""


def read_roadmap(path: Path) -> list[str]:
    """The item titles of a roadmap file, in order, blank ones left out. The kind of file is
    told by its suffix: .csv, .toml, anything else is read as a Markdown list."""
    text = decode_utf8(read_user_file(path, MAX_ROADMAP_BYTES, RoadmapFileError), path,
                       RoadmapFileError)
    suffix = path.suffix.lower()
    reader = {".csv": _from_csv, ".toml": _from_toml}.get(suffix, _from_markdown)
    try:
        titles = [clean_line(title) for title in reader(text, path)]
    except csv.Error as error:  # a field over csv's limit, a NUL byte…
        raise RoadmapFileError(path, "roadmap.unreadable",
                               detail=Worded("reason.csv", str(error)[:200])) from None
    except RecursionError:
        raise RoadmapFileError(path, "roadmap.unreadable",
                               detail=TomlReason(limit="too_deep")) from None
    except ValueError:  # an integer over 4,300 digits in a .toml roadmap
        raise RoadmapFileError(path, "roadmap.unreadable",
                               detail=TomlReason(limit="too_many_digits")) from None
    titles = [title for title in titles if title]
    if not titles:
        raise RoadmapFileError(path, "roadmap.empty")
    return titles


def _from_markdown(text: str, path: Path) -> list[str]:
    return [match.group(1) for line in text.splitlines() if (match := _LIST_ITEM.match(line))]


def _from_csv(text: str, path: Path) -> list[str]:
    try:
        rows = list(csv.reader(io.StringIO(text), csv.Sniffer().sniff(text[:4096], ",;\t")))
    except csv.Error:
        rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []
    header = [cell.strip().casefold() for cell in rows[0]]
    column = next((header.index(name) for name in TITLE_COLUMNS if name in header), None)
    if column is None:
        raise RoadmapFileError(path, "roadmap.no_title_column", columns=", ".join(rows[0]),
                               expected=", ".join(TITLE_COLUMNS[:4]))
    return [row[column] for row in rows[1:] if len(row) > column]


def _from_toml(text: str, path: Path) -> list[str]:
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RoadmapFileError(path, "file.not_toml", detail=TomlReason(str(error))) from None
    items = table.get("items", table.get("roadmap"))
    if not isinstance(items, list):
        raise RoadmapFileError(path, "roadmap.no_items")
    titles = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, str):
            titles.append(item)
        elif isinstance(item, dict) and isinstance(item.get("title"), str):
            titles.append(item["title"])
        else:
            raise RoadmapFileError(path, "roadmap.bad_item", number=number)
    return titles


def import_roadmap(session: Session, team: Team, titles: list[str]) -> list[RoadmapItem]:
    """Add the titles to the team's roadmap, skipping those already there. Returns the new
    items."""
    known = {item.text.casefold() for item in team.roadmap}
    added = []
    for title in titles:
        if title.casefold() in known:
            continue
        known.add(title.casefold())
        item = RoadmapItem(id=next_id(session, "r"), text=title)
        team.roadmap.append(item)
        added.append(item)
    return added


def set_serves(team: Team, item: RoadmapItem, item_ids: list[str]) -> None:
    """Map item to these objectives or key results of the team (in this order)."""
    for item_id in item_ids:
        located = find_item(team, item_id)
        if located is None or not isinstance(located[1], Objective | KeyResult):
            raise ValueError(f"{item_id!r} is not an objective or key result of the team")
    item.serves = list(dict.fromkeys(item_ids))


def unmapped(team: Team) -> list[RoadmapItem]:
    """Roadmap items that serve no OKR and became nothing: why are we doing them?"""
    return [item for item in team.roadmap if not item.serves and item.became is None]


def unserved_objectives(team: Team) -> list[Objective]:
    """Committed objectives that no roadmap item serves (itself or through one of its key
    results) and no tactic moves."""
    served = {item_id for item in team.roadmap for item_id in item.serves}
    found = []
    for objective in team.committed_objectives:
        ids = {objective.id} | {kr.id for kr in objective.key_results}
        if not ids & served and not objective.tactics:
            found.append(objective)
    return found


def to_tactic(session: Session, objective: Objective, item: RoadmapItem) -> Tactic:
    """Turn item into a tactic of objective, aimed at the objective's key results it serves."""
    moves = [kr.id for kr in objective.key_results if kr.id in item.serves]
    tactic = add_tactic(session, objective, item.text, moves)
    item.became = tactic.id
    if objective.id not in item.serves and not moves:
        item.serves = [*item.serves, objective.id]
    return tactic


def to_action(session: Session, objective: Objective, tactic: Tactic,
              item: RoadmapItem) -> Action:
    """Turn item into an action of tactic (of objective)."""
    action = add_action(session, tactic, item.text)
    item.became = action.id
    if not {objective.id, *tactic.moves} & set(item.serves):
        item.serves = [*item.serves, objective.id]
    return action

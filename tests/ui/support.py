"""What the limits, files, language and sizes tests share: sessions built with the workshop
helpers, and what the user sees (notifications, tree lines, findings, tab titles)."""

from datetime import date
from pathlib import Path

from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList, Tree

from okrtui.models import CheckIn, Language, Session
from okrtui.progress import add_check_in
from okrtui.refs import ItemRef
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.screens.widgets.okr_view import OkrView
from okrtui.storage import load_session
from okrtui.workshop import add_idea, add_key_result, commit_objective, new_session


def session_with_three_objectives(language: Language = "en") -> Session:
    """Three committed objectives, the first with three key results, and a spare idea."""
    session = new_session("Limits workshop", language, period="2027-Q1", team="Product",
                          participants=["Ana", "Bruno"])
    team = session.teams[0]
    for text in ("Make sellers autonomous", "Grow referrals", "Keep new sellers active"):
        commit_objective(session, team, text)
    first = team.objectives[0]
    for text in ("Cut time to publish by 20%", "Raise self-published items to 80%",
                 "Halve support tickets"):
        add_key_result(session, first, text)
    add_idea(session, team, "ambition", "Launch the web version", None)
    return session


def notifications(app: App) -> list[tuple[str, str]]:
    """(severity, text) of every notification shown so far, oldest first."""
    return [(n.severity, str(n.message)) for n in app._notifications]


def errors(app: App) -> list[str]:
    return [text for severity, text in notifications(app) if severity == "error"]


def tree_lines(tree: Tree | OkrView) -> list[str]:
    """The tree's lines as the user reads them, depth first (a view: its rows, the same
    wrapped or not)."""
    if isinstance(tree, OkrView):
        tree = tree.okr_tree
    lines: list[str] = []
    stack = list(tree.root.children)
    while stack:
        node = stack.pop(0)
        label = node.label
        lines.append(getattr(label, "plain", str(label)))
        stack[:0] = list(node.children)
    return lines


def option_texts(options: OptionList | IdeaList) -> list[str]:
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def fully_visible(widget: Widget, screen_region: Region) -> bool:
    """The widget has a size and lies wholly on the screen."""
    region = widget.region
    return region.area > 0 and screen_region.contains_region(region)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def level_view(app: App, pane: str) -> OkrView:
    """The items of a level ("ambition"…, "review"), in whichever view shows them (wrapped
    or one line each)."""
    return app.screen.query_one(f"#{pane}-pane .okr-view", OkrView)


async def put_cursor_on(pilot: Pilot, view: OkrView, ref: ItemRef) -> None:
    """Focus the view and put its cursor on the item (ObjectiveRef("o2"), KeyResultRef("o1",
    "k3")…)."""
    view.focus()
    assert ref.item_id is not None and view.select_item(ref.item_id) == ref
    await pilot.pause()


def last_title(app: App) -> str:
    """The title of the latest notification."""
    return list(app._notifications)[-1].title


def line_with(lines: list[str], tag: str, text: str) -> str:
    """The tree line tagged tag ("O2", "KR–"…) that shows text; "" when there is none."""
    return next((line for line in lines if line.split(" ", 1)[0] == tag and text in line), "")


def session_with_check_ins() -> Session:
    """The French example a few weeks into its quarter: check-ins on three key results (a
    reduction, one off track, one on track), an action measuring the unknown baseline of a
    fourth, the third objective aspirational and graded."""
    session = load_session(Path(__file__).resolve().parents[2] / "sessions"
                           / "publication-autonome.toml")
    first, second, third = session.teams[0].committed_objectives
    time_to_publish, self_published, untouched = first.key_results
    first.tactics[0].actions[0].measures = untouched.id  # its baseline is unknown
    for day, value, confidence, note in (
            (date(2027, 1, 15), 12, 6, None), (date(2027, 1, 29), 11.2, 7, None),
            (date(2027, 2, 12), 10.5, 8, "Formulaire en 3 étapes en test")):
        add_check_in(time_to_publish, CheckIn(date=day, value=value, confidence=confidence,
                                              note=note))
    for day, value, confidence in ((date(2027, 1, 15), 56, 5), (date(2027, 2, 12), 57, 3)):
        add_check_in(self_published, CheckIn(date=day, value=value, confidence=confidence))
    add_check_in(second.key_results[0], CheckIn(date=date(2027, 2, 12), value=14, confidence=9))
    third.kind = "aspirational"
    third.key_results[0].grade = 0.7
    third.key_results[1].grade = 0.8
    return session

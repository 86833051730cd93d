"""Long wording is not cut: a wrapped view of the tree shows every word of an item (w toggles
it; wrapped by default while it fits), and the keys act on the item highlighted in it. At 80
columns the ideas pane is wide enough to read."""

from pathlib import Path

from textual.app import App
from textual.widget import Widget
from textual.widgets import TextArea

from okrtui.export import kr_measure
from okrtui.i18n import catalog
from okrtui.models import KeyResult, Session
from okrtui.refs import KeyResultRef, ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import KeyResultForm
from okrtui.screens.widgets.okr_outline import OkrOutline
from okrtui.screens.widgets.okr_tree import OkrTree
from okrtui.storage import load_session
from okrtui.workshop import add_key_result

from .conftest import EXAMPLES
from .rendered import squeezed
from .support import level_view, put_cursor_on, session_with_three_objectives

LONG = ("Raise the number of paying shops that come to us from the Shopify app store, "
        "by rewriting our listing and offering new sellers a longer free trial")


def session_with_a_long_key_result() -> tuple[Session, KeyResult]:
    session = session_with_three_objectives()
    second = session.teams[0].objectives[1]
    return session, add_key_result(session, second, LONG, 120, 400, "shops")


def drawn_in(app: App, widget: Widget) -> str:
    """The characters the screen shows inside the widget's region, row after row, without
    spaces, line breaks or the tree's guides."""
    screen = app.screen
    region = widget.region
    strips = screen._compositor.render_strips(screen.size)
    rows = "".join(strips[y].crop(region.x, region.right).text
                   for y in range(region.y, region.bottom))
    return squeezed(rows.translate(str.maketrans("", "", "│├└─▼")))


async def test_at_120_columns_a_long_key_result_shows_every_word(isolated: Path) -> None:
    session, kr = session_with_a_long_key_result()
    assert len(LONG) > 140
    app = OkrApp(session=session, path=isolated / "wrap.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        committed = app.screen.query_one("#ambition-pane .committed")
        measure = kr_measure(kr, catalog("en"))
        assert measure == "from 120 to 400 shops"
        assert squeezed(f"{LONG}  [{measure}]") in drawn_in(app, committed)


async def test_w_switches_the_view_and_keeps_the_highlighted_item(isolated: Path) -> None:
    session, kr = session_with_a_long_key_result()
    second = session.teams[0].objectives[1]
    app = OkrApp(session=session, path=isolated / "wrap.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = level_view(app, "ambition")
        await put_cursor_on(pilot, view, KeyResultRef(second.id, kr.id))
        assert isinstance(app.focused, OkrOutline)
        await pilot.press("w")
        assert isinstance(app.focused, OkrTree) and not view.wrapped
        assert app.focused.cursor_node is not None
        assert app.focused.cursor_node.data == KeyResultRef(second.id, kr.id)
        await pilot.press("down", "down")  # past the hint "needs 2 or 3 key results": O3
        third = session.teams[0].objectives[2]
        assert view.selected_ref == ObjectiveRef(third.id)
        await pilot.press("w")
        assert isinstance(app.focused, OkrOutline) and view.wrapped
        assert view.selected_ref == ObjectiveRef(third.id)


async def test_e_in_the_wrapped_view_edits_the_highlighted_item(isolated: Path) -> None:
    session, kr = session_with_a_long_key_result()
    app = OkrApp(session=session, path=isolated / "wrap.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right")  # from the ideas to the items, wrapped
        assert isinstance(app.focused, OkrOutline)
        for _ in range(10):
            if app.focused.selected_ref == KeyResultRef(session.teams[0].objectives[1].id, kr.id):
                break
            await pilot.press("down")
        await pilot.press("e")
        assert isinstance(app.screen, KeyResultForm)
        assert app.screen.query(TextArea).first().text == LONG


async def test_in_the_review_l_acts_on_the_row_highlighted_in_the_wrapped_view(
    isolated: Path,
) -> None:
    session, kr = session_with_a_long_key_result()
    app = OkrApp(session=session, path=isolated / "wrap.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        view = level_view(app, "review")
        assert view.wrapped
        view.focus()
        for _ in range(15):
            if view.selected_ref == KeyResultRef(session.teams[0].objectives[1].id, kr.id):
                break
            await pilot.press("down")
        await pilot.press("l")  # to the team's KPIs
        await pilot.pause()
        team = app.session.teams[0]
        assert [kpi.text for kpi in team.kpis] == [LONG]


async def test_wrapped_by_default_only_when_it_fits_then_as_the_facilitator_chose(
    isolated: Path,
) -> None:
    example = EXAMPLES / "equipe-produit.toml"
    app = OkrApp(session=load_session(example), path=isolated / "produit.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = level_view(app, "ambition")
        outline = view.query_one(OkrOutline)
        assert outline.height_at(view.size.width) > view.size.height
        assert not view.wrapped  # eight items of two lines or more: one line each
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert outline.height_at(view.size.width) <= view.size.height
        assert view.wrapped
        await pilot.press("w")
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        assert not view.wrapped  # it would fit, but the facilitator chose one line each


async def test_at_80_columns_the_ideas_pane_is_wide_enough_to_read(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "ideas.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ideas = app.screen.query_one("#ambition-pane .ideas")
        committed = app.screen.query_one("#ambition-pane .committed")
        assert ideas.region.width >= 38  # was 32: a 30-column list, three lines an idea
        assert committed.region.width >= 40
        assert ideas.region.width + committed.region.width == 80

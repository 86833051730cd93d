"""B opens the learning review: keys answer on the highlighted row, enter writes its line, the
answers land in the session and ctrl+z takes them back; an objective is made aspirational in
its form and the tree says so."""

from pathlib import Path

from textual.widgets import Checkbox, OptionList, Static

from okrtui.facilitation import log_decision, park
from okrtui.models import Session
from okrtui.refs import ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.screens.learning import Decision, Learned, LearningScreen, NotDoingRow, NoteForm
from okrtui.workshop import add_decision, add_idea, new_session, set_aside

from .conftest import fill
from .support import (
    level_view,
    line_with,
    notifications,
    option_texts,
    put_cursor_on,
    session_with_three_objectives,
    tree_lines,
)

HOSTILE = "[/] [b]x [@click=app.quit]"


def decided_session(language: str = "en") -> Session:
    """Three objectives, the first with two decisions; a logged decision, a parked idea and a
    set-aside key result."""
    session = session_with_three_objectives(language)  # type: ignore[arg-type]
    team = session.teams[0]
    add_decision(team.objectives[0], "Professional sellers first")
    add_decision(team.objectives[0], f"Mobile before web {HOSTILE}")
    log_decision(session, "No paid acquisition this quarter", "Budget", "ambition")
    park(add_idea(session, team, "ambition", f"Launch in Spain {HOSTILE}", None))
    set_aside(team.objectives[0].key_results[2])
    return session


async def open_review(pilot, app: OkrApp) -> LearningScreen:
    await pilot.pause()
    await pilot.press("B")
    await pilot.pause()
    assert isinstance(app.screen, LearningScreen)
    return app.screen


def progress(screen: LearningScreen) -> str:
    return str(screen.query_one("#learning-progress", Static).render())


async def go_to(pilot, screen: LearningScreen, wanted) -> None:
    """Move the cursor with the arrow keys to the first row wanted(row) accepts."""
    target = next(at for at, row in enumerate(screen.rows) if row is not None and wanted(row))
    option_list = screen.query_one(OptionList)
    for _ in range(len(screen.rows)):
        if option_list.highlighted == target:
            return
        await pilot.press("down" if option_list.highlighted < target else "up")
    assert option_list.highlighted == target


async def test_k_then_enter_reviews_a_decision_and_ctrl_z_takes_it_back(isolated: Path) -> None:
    session = decided_session()
    objective = session.teams[0].objectives[0]
    app = OkrApp(session=session, path=isolated / "learning.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot, app)
        assert "Decisions reviewed: 0 of 3" in progress(screen)
        await pilot.press("k")  # the cursor opens on the first decision not reviewed
        await pilot.pause()
        assert [(r.decision, r.outcome) for r in objective.reviews] == [
            ("Professional sellers first", "kept")]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteForm)
        await fill(pilot, "80% of listings came from pros")
        assert isinstance(app.screen, LearningScreen)
        assert app.session.teams[0].objectives[0].reviews[0].evidence == (
            "80% of listings came from pros")
        assert "Decisions reviewed: 1 of 3" in progress(screen)
        assert any("kept · 80% of listings came from pros" in text
                   for text in option_texts(screen.query_one(OptionList)))
        await pilot.press("ctrl+z")
        await pilot.pause()
        reviews = app.session.teams[0].objectives[0].reviews
        assert [(r.outcome, r.evidence) for r in reviews] == [("kept", None)]
        assert notifications(app)[-1][1] == (
            "Undone: evidence for “Professional sellers first”.")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.teams[0].objectives[0].reviews == []
        assert "Decisions reviewed: 0 of 3" in progress(screen)


async def test_a_logged_decision_what_was_learned_and_the_not_doing_list(isolated: Path) -> None:
    app = OkrApp(session=decided_session(), path=isolated / "learning.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot, app)
        await go_to(pilot, screen, lambda row: isinstance(row, Decision) and row.logged)
        await pilot.press("d", "enter")
        await fill(pilot, "Paid ads came back in week 6")
        logged = app.session.decision_log[0]
        assert (logged.outcome, logged.evidence) == ("dropped", "Paid ads came back in week 6")

        await go_to(pilot, screen, lambda row: isinstance(row, Learned))
        await pilot.press("enter")
        await fill(pilot, "Pros publish in bursts at the end of the month")
        assert app.session.teams[0].objectives[0].learned == (
            "Pros publish in bursts at the end of the month")

        await go_to(pilot, screen, lambda row: isinstance(row, NotDoingRow))
        await pilot.press("enter")  # the note waits for an answer
        await pilot.pause()
        assert notifications(app)[-1] == ("warning", "Answer first: s still right not to do, "
                                                     "r reconsider.")
        await pilot.press("r", "enter")
        await fill(pilot, "Spain asked twice")
        parked = app.session.teams[0].ideas[-1]
        assert (parked.not_doing, parked.not_doing_note) == ("reconsider", "Spain asked twice")
        await pilot.press("down", "s")
        await pilot.pause()
        assert app.session.teams[0].objectives[0].key_results[2].not_doing == "still_right"
        assert "not doing: 2 of 2 answered" in progress(screen)
        await pilot.press("k")  # not a decision: said, nothing changes
        await pilot.pause()
        assert notifications(app)[-1][0] == "warning"
        assert app.session.teams[0].objectives[0].key_results[2].not_doing == "still_right"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LearningScreen)


async def test_user_text_shows_literally(isolated: Path) -> None:
    session = decided_session()
    session.teams[0].objectives[0].learned = HOSTILE
    app = OkrApp(session=session, path=isolated / "learning.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot, app)
        await go_to(pilot, screen, lambda row: isinstance(row, Decision) and "Mobile" in row.text)
        await pilot.press("c", "enter")
        await fill(pilot, HOSTILE)
        texts = "\n".join(option_texts(screen.query_one(OptionList)))
        assert f"◆ Mobile before web {HOSTILE}" in texts
        assert f"changed · {HOSTILE}" in texts
        assert f"What we learned: {HOSTILE}" in texts
        assert f"• Launch in Spain {HOSTILE}  (parked idea)" in texts
        assert app.is_running and isinstance(app.screen, LearningScreen)


async def test_with_no_decision_it_says_how_to_record_one(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives("fr"), path=isolated / "learning.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot, app)
        texts = "\n".join(option_texts(screen.query_one(OptionList)))
        assert "Aucune décision notée pendant l’atelier. Au niveau Ambition, d note" in texts
        assert "Rien au parking ni mis de côté" in texts
        await pilot.press("k")
        await pilot.pause()
        assert notifications(app)[-1] == ("warning",
                                          "k, c et d répondent sur une décision (une ligne ◆).")


async def test_no_objective_at_all(isolated: Path) -> None:
    app = OkrApp(session=new_session("Empty", "en"), path=isolated / "learning.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # out of the empty idea field
        screen = await open_review(pilot, app)
        texts = "\n".join(option_texts(screen.query_one(OptionList)))
        assert "No committed objective in this team" in texts
        await pilot.press("k", "enter", "s")
        await pilot.pause()
        assert isinstance(app.screen, LearningScreen)


async def test_an_objective_made_aspirational_in_its_form_is_marked_in_the_tree(
        isolated: Path) -> None:
    session = session_with_three_objectives()
    session.teams[0].objectives[2].set_aside = True
    app = OkrApp(session=session, path=isolated / "kind.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = level_view(app, "ambition")
        await put_cursor_on(pilot, view, ObjectiveRef(session.teams[0].objectives[0].id))
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("W", "i", "n", "tab", "space", "ctrl+s")
        await pilot.pause()
        objectives = app.session.teams[0].objectives
        assert (objectives[-1].text, objectives[-1].kind) == ("Win", "aspirational")
        lines = tree_lines(level_view(app, "ambition"))
        assert line_with(lines, "O3", "Win").endswith("Win  (aspirational)")
        assert "O1 Make sellers autonomous" in lines  # committed: no mark
        await put_cursor_on(pilot, view, ObjectiveRef(objectives[-1].id))
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#aspirational", Checkbox).value
        await pilot.press("tab", "space", "ctrl+s")
        await pilot.pause()
        assert app.session.teams[0].objectives[-1].kind == "committed"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.teams[0].objectives[-1].kind == "aspirational"

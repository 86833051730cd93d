"""A whole session through the three levels, by keyboard, saved and reopened exactly."""

from datetime import date
from pathlib import Path

from textual.widgets import OptionList, Static

from okrtui.refs import ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import ActionForm, KeyResultForm, PickScreen, TacticForm
from okrtui.screens.new_session import NewSessionScreen
from okrtui.screens.session import SessionScreen
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.storage import dumps_session, load_session

from .conftest import fill, wait_for_save
from .support import level_view, put_cursor_on

TRICKY = "Tester [b]gras[/] et [@click=app.quit]x[/] 🎯 ﻿שלום"


async def start_session(pilot) -> None:
    await pilot.press("n")
    assert isinstance(pilot.app.screen, NewSessionScreen)
    await fill(pilot, "Atelier [b]OKR[/]")
    await fill(pilot, "2027-Q1")
    await fill(pilot, "Produit")
    await fill(pilot, "Ana, Bruno [x], Chloé")
    assert isinstance(pilot.app.screen, SessionScreen)


async def capture(pilot, *ideas: str) -> None:
    await pilot.press("i")
    for idea in ideas:
        await fill(pilot, idea)
    await pilot.press("escape")


async def highlight_idea(pilot, level: str, index: int) -> None:
    ideas = pilot.app.screen.query_one(f"#{level}-ideas", IdeaList)
    ideas.focus()
    ideas.highlighted = index
    await pilot.pause()


def notifications(app: OkrApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_a_session_from_new_to_saved_to_reopened(isolated: Path) -> None:
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await start_session(pilot)
        session = app.session
        assert session is not None and session.language == "en"
        assert [p.name for p in session.participants] == ["Ana", "Bruno [x]", "Chloé"]
        team = session.teams[0]

        # Ambition: ideas with an author picked in the author list, then commit three.
        author = app.screen.query_one("#ambition-author")
        author.focus()
        await pilot.press("enter", "down", "down", "enter")  # Bruno [x]
        await capture(pilot, "Enable pros to publish alone", TRICKY, "Double retention",
                      "A fourth ambition")
        assert [i.author for i in team.ideas] == ["p2"] * 4
        for index in range(3):
            await highlight_idea(pilot, "ambition", index)
            await pilot.press("p")
        assert [o.text for o in team.objectives] == [
            "Enable pros to publish alone", TRICKY, "Double retention"]
        assert all(i.promoted_to for i in team.ideas[:3])

        # A fourth objective is refused: the swap dialog, cancelled, keeps the idea.
        await highlight_idea(pilot, "ambition", 3)
        await pilot.press("p")
        assert isinstance(app.screen, PickScreen)
        assert "3 objectives at most" in str(app.screen.query_one(".note", Static).content)
        await pilot.press("escape")
        assert len(team.objectives) == 3 and team.ideas[3].promoted_to is None

        # Key results under the first objective, with baseline, target and unit.
        view = level_view(app, "ambition")
        await put_cursor_on(pilot, view, ObjectiveRef(team.objectives[0].id))
        for text, baseline, target in [("Reduce time to publish by 20%", "12", "9,6"),
                                       ("Raise self-published items from 55% to 80%", "55", "80"),
                                       ("Cut support tickets by half", "", "")]:
            await pilot.press("k")
            assert isinstance(app.screen, KeyResultForm)
            await fill(pilot, text)
            await fill(pilot, baseline)
            await fill(pilot, target)
            await fill(pilot, "minutes" if baseline == "12" else "")
        objective = team.objectives[0]
        assert [(kr.baseline, kr.target) for kr in objective.key_results] == [
            (12, 9.6), (55, 80), (None, None)]
        assert objective.key_results[0].unit == "minutes"

        # A fourth KR is refused; cancelling keeps its text as an idea.
        await pilot.press("k")
        await fill(pilot, "A fourth key result")
        for _ in range(3):
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("escape")
        assert len(objective.key_results) == 3
        assert team.ideas[-1].text == "A fourth key result"
        assert "kept as an idea" in notifications(app)

        # A decision on the objective.
        await put_cursor_on(pilot, view, ObjectiveRef(objective.id))
        await pilot.press("d")
        await fill(pilot, "Segment: professional sellers, mobile first")
        assert objective.decisions == ["Segment: professional sellers, mobile first"]

        # Tactic level: an idea becomes a tactic aimed at KR1 and KR3.
        await pilot.press("2")
        await capture(pilot, "Pre-fill the listing from its photo")
        await highlight_idea(pilot, "tactic", 0)
        await pilot.press("p")
        assert isinstance(app.screen, PickScreen)  # which objective?
        await pilot.press("enter")
        assert isinstance(app.screen, TacticForm)
        await pilot.press("enter")  # keep the text, on to the key results
        await pilot.press("space", "down", "down", "space")
        await pilot.click("#ok")
        tactic = objective.tactics[0]
        assert tactic.text == "Pre-fill the listing from its photo"
        assert tactic.moves == [objective.key_results[0].id, objective.key_results[2].id]

        # Execution level: an idea becomes an action with owner, due date and first step.
        await pilot.press("3")
        await capture(pilot, "Test pre-filled listings with 20 sellers")
        await highlight_idea(pilot, "execution", 0)
        await pilot.press("p")
        assert isinstance(app.screen, ActionForm)
        await pilot.press("enter")  # keep the text, on to the owner
        await pilot.press("enter", "down", "enter")  # Ana; the pick moves on to the due date
        await fill(pilot, "2027-02-05")
        await fill(pilot, "Pick the 20 sellers")
        action = tactic.actions[0]
        assert (action.owner, action.due, action.first_step) == (
            "p1", date(2027, 2, 5), "Pick the 20 sellers")

        # Review lists what is missing.
        await pilot.press("4")
        findings = app.screen.query_one("#findings", OptionList)
        texts = [str(findings.get_option_at_index(i).prompt) for i in range(findings.option_count)]
        assert any("kr.too_few" in t or "key result" in t for t in texts)
        assert any("No tactic aims at this key result" in t for t in texts)

        # Save: a new session asks where, defaulting to its title in the current folder.
        await pilot.press("ctrl+s")
        field = app.screen.query_one("#path")
        assert field.value == str(isolated / "atelier-b-okr.toml")
        await pilot.press("enter")
        await wait_for_save(pilot)
        assert not app.dirty
        saved = isolated / "atelier-b-okr.toml"
        text = saved.read_text(encoding="utf-8")

    reopened = load_session(saved)
    assert reopened == session
    assert dumps_session(reopened) == text

    app2 = OkrApp(session=reopened, path=saved)
    async with app2.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app2.session.teams[0].objectives[1].text == TRICKY
        ideas = app2.screen.query_one("#ambition-ideas", IdeaList)
        assert TRICKY in str(ideas.get_option_at_index(1).prompt)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved.read_text(encoding="utf-8") == text

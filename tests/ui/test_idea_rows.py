"""Committing, rewording and removing an idea change its row in the list (and only its row),
and undo brings the list back as it was."""

from textual.widgets import Input, Label

from okrtui.facilitation import set_paper_total
from okrtui.models import Session
from okrtui.screens.app import OkrApp
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.workshop import add_idea, new_session
from tests.ui.support import option_texts


def workshop_with_ideas() -> Session:
    session = new_session("Rows", "en", team="Product", participants=["Ana", "Bruno"])
    team = session.teams[0]
    for text in ("Let sellers publish alone", "Grow referrals", "Halve support tickets"):
        add_idea(session, team, "ambition", text, "p1")
    set_paper_total(team, team.ideas[0], 4)  # the first: ranked by dots, the order stays
    return session


def rows(app: OkrApp) -> list[str]:
    return option_texts(app.screen.query_one("#ambition-ideas", IdeaList))


def heading(app: OkrApp) -> str:
    return str(app.screen.query_one("#ambition-ideas-heading", Label).render())


async def test_a_committed_reworded_or_removed_idea_shows_on_its_row_and_undo_restores() -> None:
    app = OkrApp(session=workshop_with_ideas())
    async with app.run_test(size=(120, 40)) as pilot:
        ideas = app.screen.query_one("#ambition-ideas", IdeaList)
        ideas.focus()
        await pilot.pause()
        before = rows(app)
        assert before == ["• Let sellers publish alone  ●●●● 4 — Ana",
                          "• Grow referrals — Ana",
                          "• Halve support tickets — Ana"]
        assert heading(app) == "Ideas (3)"

        ideas.highlighted = 1
        await pilot.press("p")
        committed = ["• Let sellers publish alone  ●●●● 4 — Ana",
                     "✓ Grow referrals — Ana",
                     "• Halve support tickets — Ana"]
        assert rows(app) == committed
        assert ideas.highlighted == 1

        ideas.highlighted = 2
        await pilot.press("e")
        app.screen.query_one("#text", Input).value = "Cut support tickets by half"
        await pilot.press("ctrl+s")
        await pilot.pause()
        reworded = committed[:2] + ["• Cut support tickets by half — Ana"]
        assert rows(app) == reworded

        ideas.highlighted = 0
        await pilot.press("delete")
        await pilot.click("#yes")
        await pilot.pause()
        assert rows(app) == reworded[1:]
        assert heading(app) == "Ideas (2)"

        for expected in (reworded, committed, before):
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert rows(app) == expected
        assert heading(app) == "Ideas (3)"
        assert [idea.text for idea in app.session.teams[0].ideas] == [
            "Let sellers publish alone", "Grow referrals", "Halve support tickets"]
        assert app.session.teams[0].objectives == []


async def test_marking_an_idea_keeps_its_dots_on_its_row() -> None:
    app = OkrApp(session=workshop_with_ideas())
    async with app.run_test(size=(120, 40)) as pilot:
        ideas = app.screen.query_one("#ambition-ideas", IdeaList)
        ideas.focus()
        ideas.highlighted = 0
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert rows(app)[0] == "☑ • Let sellers publish alone  ●●●● 4 — Ana"

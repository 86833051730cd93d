"""A whole facilitated workshop, by keyboard: five participants, a timed diverge with hidden
ideas, reveal, merging duplicates, a dot vote, promoting the top three, parking the rest,
two logged decisions, save, reopen — checked in the reopened session and the export."""

from pathlib import Path

from textual.widgets import OptionList

from okrtui.export import to_markdown
from okrtui.facilitation import tally
from okrtui.i18n import catalog
from okrtui.refs import ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import DecisionForm, TextForm
from okrtui.screens.presenter import PresenterScreen
from okrtui.screens.vote import VoteScreen
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.storage import load_session
from okrtui.workshop import new_session

from .conftest import fill, wait_for_save
from .support import level_view, put_cursor_on

PEOPLE = ["Ana", "Bruno", "Chloé", "Dev", "Emma"]


def idea_index(app: OkrApp, text: str) -> int:
    ideas = app.screen.query_one("#ambition-ideas", IdeaList)
    for index in range(ideas.option_count):
        if text in str(ideas.get_option_at_index(index).prompt):
            return index
    raise AssertionError(f"{text!r} not in the ideas list")


async def highlight(pilot, text: str) -> None:
    ideas = pilot.app.screen.query_one("#ambition-ideas", IdeaList)
    ideas.focus()
    ideas.highlighted = idea_index(pilot.app, text)
    await pilot.pause()


async def test_a_whole_workshop_is_saved_and_exported(isolated: Path) -> None:
    path = isolated / "atelier.toml"
    session = new_session("Atelier [b]OKR[/]", "en", "2027-Q1", "Product", PEOPLE)
    app = OkrApp(session=session, path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        # Diverge, timed, in silent writing: ideas stay hidden until revealed. (A new session
        # starts in the idea field: escape leaves it for the workshop's keys.)
        await pilot.press("escape", "t")
        await pilot.pause(1.3)
        await pilot.press("h", "i")
        for text in ["@ana Win independent bookshops", "@bru Win indie bookshops",
                     "@chl Cut the time to publish", "@dev Reach sellers through referrals",
                     "@emm Launch a loyalty card", "@ana Open a Berlin office"]:
            await fill(pilot, text)
        await pilot.press("escape")
        team = app.session.teams[0]
        assert all(idea.hidden for idea in team.ideas) and len(team.ideas) == 6
        prompt = str(app.screen.query_one("#ambition-ideas", IdeaList)
                     .get_option_at_index(0).prompt)
        assert "6 hidden ideas from 5 people" in prompt
        await pilot.press("r")
        assert not any(idea.hidden for idea in team.ideas)
        assert team.levels[0].remaining is not None and team.levels[0].remaining < 600

        # Converge: merge the two bookshop ideas into one group.
        await pilot.press("t", "right_square_bracket")
        await highlight(pilot, "Win independent bookshops")
        await pilot.press("space")
        await highlight(pilot, "Win indie bookshops")
        await pilot.press("space", "m")
        assert isinstance(app.screen, TextForm)
        await pilot.press("enter")
        group = next(idea for idea in team.ideas if idea.members)
        assert [(m.text, m.author) for m in group.members] == [
            ("Win independent bookshops", "p1"), ("Win indie bookshops", "p2")]

        # Dot vote: each of the five gives three dots.
        await pilot.press("v")
        assert isinstance(app.screen, VoteScreen)
        votes = {1: ["bookshops"] * 2 + ["time to publish"], 2: ["bookshops", "referrals", "time"],
                 3: ["referrals", "referrals", "bookshops"], 4: ["time", "loyalty", "referrals"],
                 5: ["bookshops", "time", "Berlin"]}
        vote_list = app.screen.query_one("#vote-ideas", IdeaList)
        for person, choices in votes.items():
            await pilot.press(str(person))
            for choice in choices:
                vote_list.highlighted = next(
                    i for i in range(vote_list.option_count)
                    if choice in str(vote_list.get_option_at_index(i).prompt))
                await pilot.press("space")
        await pilot.press("escape")
        ranking = [(r.idea.text, r.dots) for r in tally(team, "ambition")]
        assert ranking[:3] == [("Win independent bookshops", 5), ("Cut the time to publish", 4),
                               ("Reach sellers through referrals", 4)]

        # Presenter view shows the ranking while converging.
        await pilot.press("f5")
        assert isinstance(app.screen, PresenterScreen)
        await pilot.press("f5")

        # Promote the top three; park the rest; log two decisions.
        for text in ["Win independent bookshops", "Cut the time to publish",
                     "Reach sellers through referrals"]:
            await highlight(pilot, text)
            await pilot.press("p")
        assert len(team.committed_objectives) == 3
        for text in ["Launch a loyalty card", "Open a Berlin office"]:
            await highlight(pilot, text)
            await pilot.press("l")
        for text, why in [("Bookshops first", "They sell the most"),
                          ("No Berlin office this year", "Not before product fit")]:
            await pilot.press("L")
            assert isinstance(app.screen, DecisionForm)
            await fill(pilot, text)
            await fill(pilot, why)
        assert [d.text for d in app.session.decision_log] == ["Bookshops first",
                                                            "No Berlin office this year"]

        # A KPI dressed up as a key result: the review moves it to the team's KPI list.
        first = app.session.teams[0].objectives[0]
        await put_cursor_on(pilot, level_view(app, "ambition"), ObjectiveRef(first.id))
        await pilot.press("k")
        await fill(pilot, "Maintain uptime at 99.9%")
        await pilot.press("ctrl+s")
        await pilot.press("4")
        findings = app.screen.query_one("#findings", OptionList)
        findings.focus()
        findings.highlighted = next(i for i in range(findings.option_count)
                                    if "kr.is_kpi" in str(findings.get_option_at_index(i).prompt))
        await pilot.press("l")
        assert team.committed_objectives[0].key_results == []
        assert [kpi.text for kpi in team.kpis] == ["Maintain uptime at 99.9%"]

        # Tactic and execution levels.
        await pilot.press("2", "i")
        await fill(pilot, "Partner with publishers")
        await pilot.press("escape", "p")
        await pilot.press("enter")  # which objective: the first
        await pilot.press("ctrl+s")
        await pilot.press("3", "i")
        await fill(pilot, "Call ten publishers")
        await pilot.press("escape", "p")
        await pilot.press("ctrl+s")
        tactic = team.committed_objectives[0].tactics[0]
        assert tactic.text == "Partner with publishers"
        assert [a.text for a in tactic.actions] == ["Call ten publishers"]
        await pilot.press("1")

        # Undo and redo the last edit (the action).
        await pilot.press("ctrl+z")
        assert app.session.teams[0].committed_objectives[0].tactics[0].actions == []
        await pilot.press("ctrl+y")
        assert len(app.session.teams[0].committed_objectives[0].tactics[0].actions) == 1

        await pilot.press("ctrl+s")
        await wait_for_save(pilot)
        assert not app.dirty

    reopened = load_session(path)
    team = reopened.teams[0]
    assert team.levels[0].phase == "converge"
    assert [(r.idea.text, r.dots) for r in tally(team, "ambition")][:3] == ranking[:3]
    assert sorted(i.text for i in team.ideas if i.parked) == [
        "Launch a loyalty card", "Open a Berlin office"]
    assert [kpi.text for kpi in team.kpis] == ["Maintain uptime at 99.9%"]
    assert team.committed_objectives[0].tactics[0].actions[0].text == "Call ten publishers"
    assert [o.text for o in team.committed_objectives] == [
        "Win independent bookshops", "Cut the time to publish", "Reach sellers through referrals"]
    assert reopened.decision_log[1].rationale == "Not before product fit"
    export = to_markdown(reopened, catalog("en"))
    assert "## Dot vote ranking — Ambition" in export
    assert "1. Win independent bookshops — 5 dots" in export
    assert "=2. Cut the time to publish — 4 dots" in export
    assert "## Parking lot" in export and "- Open a Berlin office" in export
    assert "- **Bookshops first** — They sell the most" in export

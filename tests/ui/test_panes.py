"""← and → move between the ideas list and the tree (and the review's findings)."""

from pathlib import Path

from textual.widgets import OptionList

from okrtui.screens.app import OkrApp
from okrtui.screens.widgets.idea_list import IdeaList

from .support import level_view, session_with_three_objectives


async def test_the_arrows_move_between_the_ideas_and_the_tree(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "panes.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ideas = app.screen.query_one("#ambition-ideas", IdeaList)
        ideas.focus()
        await pilot.press("right")
        await pilot.pause()
        assert level_view(app, "ambition").has_focus_within
        await pilot.press("left")
        await pilot.pause()
        assert app.focused is ideas
        await pilot.press("4")
        await pilot.pause()
        level_view(app, "review").focus()
        await pilot.press("right")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#findings", OptionList)
        await pilot.press("left")
        await pilot.pause()
        assert level_view(app, "review").has_focus_within


async def test_review_keys_act_on_the_item_highlighted_in_the_tree(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "review.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        first = app.session.teams[0].objectives[0]
        kr = first.key_results[2]
        view = level_view(app, "review")
        view.focus()
        view.select_item(kr.id)
        await pilot.pause()
        await pilot.press("l")  # to the KPIs: the tree's key result, not a finding's
        await pilot.pause()
        team = app.session.teams[0]
        assert [kpi.text for kpi in team.kpis] == [kr.text]
        assert kr.id not in [k.id for k in team.objectives[0].key_results]


async def test_a_new_session_starts_in_the_idea_field_and_one_with_ideas_in_the_list(
    isolated: Path,
) -> None:
    """Letters typed first in a new session are an idea: on the empty list, « @ana Make… »
    ran a, n, k… as commands (add participant, new objective…) and the idea was lost."""
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        for text in ["T1", "2027-Q1", "Product", "Ana, Bruno"]:
            await pilot.press(*text, "enter")
        await pilot.pause()
        await pilot.press(*"@ana Make new shops succeed", "enter")
        await pilot.pause()
        assert [idea.text for idea in app.session.teams[0].ideas_at("ambition")] == \
            ["Make new shops succeed"]

    app = OkrApp(session=session_with_three_objectives(), path=isolated / "ideas.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#ambition-ideas", IdeaList)


async def test_a_level_without_ideas_starts_on_its_objectives(isolated: Path) -> None:
    """At the tactic level, n (new tactic) must reach the tree, not be typed as an idea."""
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "tactic.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert level_view(app, "tactic").has_focus_within

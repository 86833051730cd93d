"""The focus rule as a user meets it: 3 objectives, 3 key results each; a 4th offers a swap,
set-aside items stay in the file, a restore past the limit is refused, and files over the
limits open and are reported in the review."""

from pathlib import Path

from textual.widgets import OptionList, Static

from okrtui.refs import KeyResultRef, ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import KeyResultForm, PickScreen
from okrtui.screens.home import HomeScreen
from okrtui.screens.session import SessionScreen
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.screens.widgets.okr_view import OkrView
from okrtui.storage import load_session, save_session
from okrtui.workshop import set_aside

from .conftest import fill, wait_for_save
from .support import (
    errors,
    level_view,
    line_with,
    notifications,
    option_texts,
    put_cursor_on,
    session_with_three_objectives,
    tree_lines,
    write,
)


def ambition_tree(app: OkrApp) -> OkrView:
    return level_view(app, "ambition")


def counts(app: OkrApp) -> str:
    return str(app.screen.query_one("#ambition-pane .counts", Static).content)


async def test_a_fourth_objective_offers_a_swap_and_the_one_set_aside_is_kept(
    isolated: Path,
) -> None:
    session = session_with_three_objectives()
    path = isolated / "limits.toml"
    save_session(session, path)
    app = OkrApp(session=session, path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ideas = app.screen.query_one("#ambition-ideas", IdeaList)
        ideas.focus()
        ideas.highlighted = 0
        await pilot.pause()
        await pilot.press("p")

        assert isinstance(app.screen, PickScreen)
        note = str(app.screen.query_one(".note", Static).content)
        assert "3 objectives at most" in note and "Launch the web version" in note
        assert option_texts(app.screen.query_one("#choices", OptionList)) == [
            "O1  Make sellers autonomous", "O2  Grow referrals", "O3  Keep new sellers active"]
        await pilot.press("down", "enter")  # set aside O2
        await pilot.pause()

        assert isinstance(app.screen, SessionScreen)
        team = app.session.teams[0]
        assert [o.text for o in team.committed_objectives] == [
            "Make sellers autonomous", "Keep new sellers active", "Launch the web version"]
        lines = tree_lines(ambition_tree(app))
        assert line_with(lines, "O3", "Launch the web version")
        assert "(set aside)" in line_with(lines, "O–", "Grow referrals")
        assert counts(app).startswith("3 of 3 objectives committed")
        assert str(ideas.get_option_at_index(0).prompt).startswith("✓ Launch the web version")
        assert ("information", "Objective committed.") in notifications(app)
        assert app.dirty

        await pilot.press("ctrl+s")
        await wait_for_save(pilot)
        assert not app.dirty

    saved = load_session(path)
    by_text = {o.text: o for o in saved.teams[0].objectives}
    assert by_text["Grow referrals"].set_aside is True
    assert by_text["Launch the web version"].set_aside is False
    assert saved.teams[0].ideas[0].promoted_to == by_text["Launch the web version"].id
    assert "set_aside = true" in path.read_text(encoding="utf-8")


async def test_cancelling_the_objective_swap_leaves_the_idea_uncommitted(isolated: Path) -> None:
    session = session_with_three_objectives()
    app = OkrApp(session=session, path=isolated / "limits.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "p")  # the idea list has focus: highlight the idea
        assert isinstance(app.screen, PickScreen)
        await pilot.press("escape")
        await pilot.pause()
        team = app.session.teams[0]
        assert len(team.committed_objectives) == 3
        assert team.ideas[0].promoted_to is None
        assert ("warning", "Not committed: the idea stays in the list.") in notifications(app)
        assert not app.dirty


async def test_restoring_an_objective_past_the_limit_is_refused(isolated: Path) -> None:
    session = session_with_three_objectives()
    team = session.teams[0]
    fourth = team.objectives[1].model_copy(update={"id": "o9", "text": "An old ambition"})
    fourth.key_results = []
    team.objectives.append(fourth)
    set_aside(fourth)
    app = OkrApp(session=session, path=isolated / "limits.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = ambition_tree(app)
        assert "(set aside)" in line_with(tree_lines(tree), "O–", "An old ambition")

        await put_cursor_on(pilot, tree, ObjectiveRef("o9"))
        await pilot.press("x")
        await pilot.pause()
        assert errors(app) == ["3 objectives are already committed: set one aside first."]
        assert fourth.set_aside and not app.dirty
        assert "(set aside)" in line_with(tree_lines(tree), "O–", "An old ambition")

        # Set one aside: now the old ambition can come back.
        await put_cursor_on(pilot, tree, ObjectiveRef("o2"))
        await pilot.press("x")
        await pilot.pause()
        assert "(set aside)" in line_with(tree_lines(tree), "O–", "Grow referrals")
        await put_cursor_on(pilot, tree, ObjectiveRef("o9"))
        await pilot.press("x")
        await pilot.pause()
        assert not fourth.set_aside
        assert line_with(tree_lines(tree), "O3", "An old ambition")
        assert [o.id for o in team.committed_objectives] == ["o1", "o3", "o9"]
        assert len(errors(app)) == 1
        assert app.dirty


async def add_key_result(pilot, text: str, baseline: str = "", target: str = "",
                         unit: str = "") -> None:
    await pilot.press("k")
    assert isinstance(pilot.app.screen, KeyResultForm)
    for value in (text, baseline, target, unit):
        await fill(pilot, value)


async def test_a_fourth_key_result_offers_a_swap_and_restoring_past_the_limit_is_refused(
    isolated: Path,
) -> None:
    session = session_with_three_objectives()
    path = isolated / "limits.toml"
    app = OkrApp(session=session, path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = ambition_tree(app)
        objective = app.session.teams[0].objectives[0]
        await put_cursor_on(pilot, tree, ObjectiveRef(objective.id))
        await add_key_result(pilot, "Reach 500 active sellers", "200", "500", "sellers")

        assert isinstance(app.screen, PickScreen)
        note = str(app.screen.query_one(".note", Static).content)
        assert "3 key results at most" in note and "Reach 500 active sellers" in note
        assert option_texts(app.screen.query_one("#choices", OptionList)) == [
            "KR1  Cut time to publish by 20%", "KR2  Raise self-published items to 80%",
            "KR3  Halve support tickets"]
        await pilot.press("enter")  # set aside KR1
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)

        first, *_, new = objective.key_results
        assert first.set_aside
        assert (new.text, new.baseline, new.target, new.unit) == (
            "Reach 500 active sellers", 200, 500, "sellers")
        assert [kr.text for kr in objective.committed_key_results] == [
            "Raise self-published items to 80%", "Halve support tickets",
            "Reach 500 active sellers"]
        lines = tree_lines(tree)
        assert line_with(lines, "KR3", "Reach 500 active sellers")
        assert "(set aside)" in line_with(lines, "KR–", "Cut time to publish by 20%")

        # KR1 cannot come back while three are committed.
        await put_cursor_on(pilot, tree, KeyResultRef(objective.id, first.id))
        await pilot.press("x")
        await pilot.pause()
        assert errors(app) == ["This objective already has 3 key results: set one aside first."]
        assert first.set_aside

        # Set aside KR3 (halve tickets), then KR1 comes back.
        third = objective.key_results[2]
        await put_cursor_on(pilot, tree, KeyResultRef(objective.id, third.id))
        await pilot.press("x")
        await pilot.pause()
        await put_cursor_on(pilot, tree, KeyResultRef(objective.id, first.id))
        await pilot.press("x")
        await pilot.pause()
        assert not first.set_aside and third.set_aside
        assert line_with(tree_lines(tree), "KR1", "Cut time to publish by 20%")
        assert "(set aside)" in line_with(tree_lines(tree), "KR–", "Halve support tickets")
        assert len(errors(app)) == 1

        await pilot.press("ctrl+s")
        await pilot.pause()

    saved = load_session(path).teams[0].objectives[0]
    assert [(kr.text, kr.set_aside) for kr in saved.key_results] == [
        ("Cut time to publish by 20%", False),
        ("Raise self-published items to 80%", False),
        ("Halve support tickets", True),
        ("Reach 500 active sellers", False),
    ]


async def test_cancelling_the_key_result_swap_keeps_the_text_as_an_idea(isolated: Path) -> None:
    session = session_with_three_objectives()
    app = OkrApp(session=session, path=isolated / "limits.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        objective = app.session.teams[0].objectives[0]
        await put_cursor_on(pilot, ambition_tree(app), ObjectiveRef(objective.id))
        await add_key_result(pilot, "A fourth measure")
        assert isinstance(app.screen, PickScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert len(objective.key_results) == 3
        ideas = app.screen.query_one("#ambition-ideas", IdeaList)
        assert any("A fourth measure" in text for text in option_texts(ideas))
        assert ("warning", "Not committed: the text is kept as an idea.") in notifications(app)


OVER_THE_LIMITS = """\
schema_version = 1
title = "Too much at once"
language = "en"

[[teams]]
id = "team1"
name = "Product"
{objectives}"""


def objective_table(number: int, key_results: int) -> str:
    lines = [f'\n[[teams.objectives]]\nid = "o{number}"\ntext = "Objective number {number}"\n']
    for k in range(1, key_results + 1):
        lines.append(f'[[teams.objectives.key_results]]\nid = "k{number}{k}"\n'
                     f'text = "Measure {k} of objective {number}"\n')
    return "\n".join(lines)


async def test_a_file_over_the_limits_opens_whole_and_the_review_says_what_to_fix(
    isolated: Path,
) -> None:
    text = OVER_THE_LIMITS.format(objectives="".join(
        objective_table(n, 4 if n == 1 else 2) for n in range(1, 6)))
    path = write(isolated / "too-much.toml", text)
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("o")
        await fill(pilot, str(path))
        assert isinstance(app.screen, SessionScreen)

        lines = tree_lines(ambition_tree(app))
        for n in range(1, 6):
            assert line_with(lines, f"O{n}", f"Objective number {n}")
        for k in range(1, 5):
            assert line_with(lines, f"KR{k}", f"Measure {k} of objective 1")
        assert counts(app).startswith("5 of 3 objectives committed")

        await pilot.press("4")
        await pilot.pause()
        findings = option_texts(app.screen.query_one("#findings", OptionList))
        for message in ("5 objectives are committed: beyond 3, the team scatters",
                        "This objective has 4 key results: beyond 3, nobody knows"):
            finding = next((f for f in findings if message in f), "")
            assert "error" in finding, (message, findings)
        review_tree = level_view(app, "review")
        assert line_with(tree_lines(review_tree), "O5", "Objective number 5")

        # Nothing can be added while over the limit: a new objective still asks for a swap.
        await pilot.press("1")
        await pilot.press("n")
        await fill(pilot, "A sixth objective")
        assert isinstance(app.screen, PickScreen)
        assert len(option_texts(app.screen.query_one("#choices", OptionList))) == 5
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.session.teams[0].objectives) == 5
    assert path.read_text(encoding="utf-8") == text

"""The review asks each committed objective which choice it makes (objective.no_decision);
from the finding, Enter goes to the objective and `d` records one, as the suggestion says."""

from pathlib import Path

from textual.widgets import OptionList

from okrtui.screens.app import OkrApp
from okrtui.storage import load_session, save_session

from .conftest import fill
from .support import session_with_three_objectives


def no_decision_prompts(app: OkrApp) -> list[str]:
    findings = app.screen.query_one("#findings", OptionList)
    prompts = [str(findings.get_option_at_index(i).prompt)
               for i in range(findings.option_count)]
    return [prompt for prompt in prompts if "objective.no_decision" in prompt]


async def test_a_decision_recorded_from_the_review_answers_its_finding(isolated: Path) -> None:
    path = isolated / "decisions.toml"
    save_session(session_with_three_objectives(), path)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        prompts = no_decision_prompts(app)
        assert len(prompts) == 3
        assert "which segment, channel or platform" in prompts[0]
        assert "(ambition level, key d)" in prompts[0]

        findings = app.screen.query_one("#findings", OptionList)
        findings.focus()
        findings.highlighted = next(
            i for i in range(findings.option_count)
            if "objective.no_decision" in str(findings.get_option_at_index(i).prompt))
        await pilot.press("enter")  # to the objective, its form open
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await fill(pilot, "Segment: professional sellers, mobile first")
        objective = app.session.teams[0].objectives[0]
        assert objective.decisions == ["Segment: professional sellers, mobile first"]

        await pilot.press("4")
        await pilot.pause()
        assert len(no_decision_prompts(app)) == 2

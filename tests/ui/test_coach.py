"""The coach as a facilitator meets it: findings appear while typing, clear when fixed, and a
finding silenced from the review is saved with its reason."""

from pathlib import Path

from textual.widgets import OptionList

from okrtui.screens.app import OkrApp
from okrtui.screens.forms import ObjectiveForm, TextForm
from okrtui.screens.widgets.coach_panel import CoachPanel
from okrtui.storage import load_session

from .conftest import EXAMPLES, type_in


def panel_text(app: OkrApp) -> str:
    return str(app.screen.query_one(CoachPanel).render())


async def test_a_vague_objective_is_caught_as_typed_then_cleared(isolated: Path) -> None:
    path = EXAMPLES / "publication-autonome.toml"
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, ObjectiveForm)
        await type_in(pilot, "Acquérir de nouveaux utilisateurs")
        await pilot.pause(0.3)
        assert "Trop vague" in panel_text(app)
        assert app.focused is app.screen.query_one("#text")  # typing keeps its focus
        await type_in(pilot, " professionnels par le parrainage")
        await pilot.pause(0.3)
        assert "Bien formulé" in panel_text(app)


async def test_silencing_from_the_review_is_saved_with_its_reason(isolated: Path) -> None:
    source = EXAMPLES / "publication-autonome.toml"
    path = isolated / "session.toml"
    path.write_bytes(source.read_bytes())
    app = OkrApp(lang="en", session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        findings = app.screen.query_one("#findings", OptionList)
        findings.focus()
        findings.highlighted = 1  # the first finding (KR3: no baseline), under its heading
        await pilot.press("s")
        assert isinstance(app.screen, TextForm)
        await type_in(pilot, "Measured in week 1 [b]see a1[/]")
        await pilot.press("enter")
        await pilot.pause()
        prompt = str(findings.get_option_at_index(1).prompt)
        assert "silenced: Measured in week 1 [b]see a1[/]" in prompt
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_session(path)
    kr = saved.teams[0].objectives[0].key_results[2]
    assert [(s.rule, s.reason) for s in kr.silenced] == [
        ("kr.no_baseline", "Measured in week 1 [b]see a1[/]")]

"""The review's plan: import a roadmap and map it, see what serves nothing; mark a baseline
unknown and plan measuring it; move a key result to the KPI list and back."""

from pathlib import Path

from textual.widgets import OptionList, SelectionList

from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import PathScreen
from okrtui.screens.forms import ActionForm, PickScreen, ServesForm
from okrtui.storage import load_session, save_session

from .conftest import fill
from .support import session_with_three_objectives


def option_ids(options: OptionList) -> list[str]:
    return [options.get_option_at_index(i).id or "" for i in range(options.option_count)]


def prompt_of(options: OptionList, option_id: str) -> str:
    return str(options.get_option(option_id).prompt)


async def open_review(tmp: Path):
    path = tmp / "plan.toml"
    save_session(session_with_three_objectives(), path)
    app = OkrApp(session=load_session(path), path=path)
    return app, path


async def highlight(pilot, option_id: str) -> OptionList:
    findings = pilot.app.screen.query_one("#findings", OptionList)
    findings.focus()
    findings.highlighted = option_ids(findings).index(option_id)
    await pilot.pause()
    return findings


async def test_import_a_roadmap_map_it_and_see_what_serves_nothing(isolated: Path) -> None:
    app, path = await open_review(isolated)
    plan = isolated / "roadmap.md"
    plan.write_text("- Referral bonus [b]x2[/b]\n- Dark mode\n", encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        app.screen.query_one("#findings", OptionList).focus()
        await pilot.press("I")
        assert isinstance(app.screen, PathScreen)
        await fill(pilot, str(plan))
        team = app.session.teams[0]
        assert [item.text for item in team.roadmap] == ["Referral bonus [b]x2[/b]", "Dark mode"]
        findings = app.screen.query_one("#findings", OptionList)
        assert "serves no OKR" in prompt_of(findings, "roadmap:" + team.roadmap[0].id)
        unserved = [i for i in option_ids(findings) if i.startswith("unserved:")]
        assert len(unserved) == 3  # no tactic and no roadmap item serves any objective yet

        await highlight(pilot, "roadmap:" + team.roadmap[0].id)
        await pilot.press("g")
        assert isinstance(app.screen, ServesForm)
        app.screen.query_one(SelectionList).select(team.objectives[1].id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert team.roadmap[0].serves == [team.objectives[1].id]
        assert "Grow referrals" in prompt_of(findings, "roadmap:" + team.roadmap[0].id)
        assert "unserved:" + team.objectives[1].id not in option_ids(findings)

        await highlight(pilot, "roadmap:" + team.roadmap[1].id)
        await pilot.press("T")
        assert isinstance(app.screen, PickScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert team.roadmap[1].became == team.objectives[0].tactics[0].id
        assert team.objectives[0].tactics[0].text == "Dark mode"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_session(path).teams[0]
    assert saved.roadmap[1].became == saved.objectives[0].tactics[0].id


async def test_a_baseline_unknown_gets_its_measuring_action(isolated: Path) -> None:
    app, path = await open_review(isolated)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        team = app.session.teams[0]
        kr = team.objectives[0].key_results[2]
        await highlight(pilot, "item:" + kr.id)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await pilot.press("escape")  # cancelled: nothing changed
        await pilot.pause()
        assert not kr.baseline_unknown and not app.dirty
        await highlight(pilot, "item:" + kr.id)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert kr.baseline_unknown
        action = team.objectives[0].tactics[0].actions[0]
        assert action.measures == kr.id and action.text.startswith("Measure the baseline of")
        findings = app.screen.query_one("#findings", OptionList)
        assert "measured by: Measure" in prompt_of(findings, "waiting:" + kr.id)
        await highlight(pilot, "waiting:" + kr.id)
        await pilot.press("b")  # already planned: said, not added twice
        await pilot.pause()
        assert len(team.objectives[0].tactics[0].actions) == 1


async def test_a_baseline_marked_unknown_in_its_form_waits_for_data(isolated: Path) -> None:
    from okrtui.baselines import update_key_result

    app, path = await open_review(isolated)
    async with app.run_test(size=(120, 40)) as pilot:
        team = app.session.teams[0]
        kr = team.objectives[0].key_results[0]
        update_key_result(kr, kr.text, None, 20, "%", baseline_unknown=True)
        await pilot.press("4")
        await pilot.pause()
        findings = app.screen.query_one("#findings", OptionList)
        assert "no measuring action yet" in prompt_of(findings, "waiting:" + kr.id)
        texts = " ".join(str(findings.get_option_at_index(i).prompt)
                         for i in range(findings.option_count))
        assert "Baseline unknown, and no action measures it yet" in texts


async def test_a_key_result_goes_to_the_kpi_list_and_back(isolated: Path) -> None:
    app, path = await open_review(isolated)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        team = app.session.teams[0]
        kr = team.objectives[0].key_results[0]
        await highlight(pilot, "item:" + kr.id)
        await pilot.press("l")
        await pilot.pause()
        assert [kpi.id for kpi in team.kpis] == [kr.id]
        assert len(team.objectives[0].key_results) == 2
        await highlight(pilot, "kpi:" + kr.id)
        await pilot.press("l")
        await pilot.pause()
        assert team.kpis == [] and team.objectives[0].key_results[-1].id == kr.id

"""The progress view (tab 5): a check-in typed in its form lands in the session as one undo
step, the grade form opens on the suggested grade, the view follows undo and redo with its
cursor on the same key result, and user text is shown as typed, never as markup."""

from datetime import date
from pathlib import Path

from textual.widgets import Input, OptionList, Static

from okrtui.models import CheckIn
from okrtui.progress import add_check_in
from okrtui.screens.app import OkrApp
from okrtui.screens.forms.progress import CheckInForm, GradeForm
from okrtui.storage import load_session, save_session

from .conftest import EXAMPLES, fill, type_in
from .support import errors, notifications, session_with_check_ins

HOSTILE = "[/] [b]x [@click=app.quit]"


def rows(app: OkrApp) -> OptionList:
    return app.screen.query_one("#progress-list", OptionList)


def row_text(app: OkrApp, item_id: str) -> str:
    listed = rows(app)
    return str(listed.get_option_at_index(listed.get_option_index(item_id)).prompt)


def highlighted_id(app: OkrApp) -> str | None:
    listed = rows(app)
    assert listed.highlighted is not None
    return listed.get_option_at_index(listed.highlighted).id


async def open_progress(pilot, item_id: str) -> None:
    await pilot.press("5")
    await pilot.pause()
    listed = rows(pilot.app)
    assert listed.has_focus
    listed.highlighted = listed.get_option_index(item_id)
    await pilot.pause()


def example_copy(isolated: Path) -> Path:
    path = isolated / "quarter.toml"
    save_session(load_session(EXAMPLES / "publication-autonome.toml"), path)
    return path


async def test_a_check_in_typed_in_its_form_is_saved_and_undone(isolated: Path) -> None:
    path = example_copy(isolated)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        kr = app.session.teams[0].objectives[0].key_results[0]
        await pilot.press("5")
        await pilot.pause()
        assert highlighted_id(app) == kr.id  # the first key result: c works at once
        hint = app.screen.query_one("#progress-hint", Static)
        assert hint.display and "appuyez sur c" in str(hint.content)
        assert "aucun point d’étape" in row_text(app, kr.id)

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInForm)
        assert app.screen.query_one("#date", Input).value == date.today().isoformat()
        await fill(pilot, "10,5")  # the session is French: a decimal comma
        await fill(pilot, "6")
        await pilot.press("enter")  # the date stays today
        await fill(pilot, "Formulaire raccourci")  # enter in the last field saves
        assert not isinstance(app.screen, CheckInForm)

        kr = app.session.teams[0].objectives[0].key_results[0]
        assert kr.check_ins == [CheckIn(date=date.today(), value=10.5, confidence=6,
                                        note="Formulaire raccourci")]
        shown = row_text(app, kr.id)
        assert "dernier 10,5 minutes" in shown and "confiance 6/10 à risque" in shown
        assert "63\u202f%" in shown  # (12 − 10,5) / (12 − 9,6): a reduction
        assert not hint.display
        assert highlighted_id(app) == kr.id

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.teams[0].objectives[0].key_results[0].check_ins == []
        assert "aucun point d’étape" in row_text(app, kr.id)
        assert highlighted_id(app) == kr.id
        assert "point d’étape sur KR1" in notifications(app)[-1][1]

        await pilot.press("ctrl+y")
        await pilot.pause()
        assert len(app.session.teams[0].objectives[0].key_results[0].check_ins) == 1
        assert "dernier 10,5 minutes" in row_text(app, kr.id)
        assert highlighted_id(app) == kr.id


async def test_a_value_that_is_not_a_number_is_refused_in_the_form(isolated: Path) -> None:
    path = example_copy(isolated)
    app = OkrApp(session=load_session(path), path=path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        kr = app.session.teams[0].objectives[0].key_results[1]
        await open_progress(pilot, kr.id)
        await pilot.press("c")
        await pilot.pause()
        await fill(pilot, "beaucoup")
        await fill(pilot, "11")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckInForm)
        error = str(app.screen.query_one(".form-error", Static).content)
        assert "“beaucoup” is not a number" in error
        assert app.screen.focused is app.screen.query_one("#value", Input)
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.teams[0].objectives[0].key_results[1].check_ins == []


async def test_the_grade_form_opens_on_the_suggested_grade(isolated: Path) -> None:
    session = load_session(EXAMPLES / "publication-autonome.toml")
    objective = session.teams[0].objectives[0]
    kr = objective.key_results[1]  # 55 % → 80 %
    add_check_in(kr, CheckIn(date=date(2027, 3, 28), value=67.5, confidence=5))
    objective.key_results[0].grade = objective.key_results[2].grade = 0.8
    path = isolated / "graded.toml"
    save_session(session, path)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_progress(pilot, kr.id)
        assert "2 résultats clés notés sur 3" in row_text(app, objective.id)  # waits for KR2
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GradeForm)
        grade = app.screen.query_one("#grade", Input)
        assert grade.value == "0,5"
        grade.value = ""
        await fill(pilot, "0,8")
        assert app.session.teams[0].objectives[0].key_results[1].grade == 0.8
        assert "note 0,8 · non réussi (seuil 1)" in row_text(app, objective.id)
        assert "note 0,8" in row_text(app, kr.id)

        await pilot.press("g")
        await pilot.pause()
        assert app.screen.query_one("#grade", Input).value == "0,8"  # the grade saved
        app.screen.query_one("#grade", Input).value = ""
        await fill(pilot, "1,5")
        assert "la note va de 0 à 1" in str(app.screen.query_one(".form-error", Static).content)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.teams[0].objectives[0].key_results[1].grade is None
        assert "2 résultats clés notés sur 3" in row_text(app, objective.id)


async def test_on_an_objective_the_keys_ask_for_a_key_result(isolated: Path) -> None:
    path = example_copy(isolated)
    app = OkrApp(session=load_session(path), path=path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_progress(pilot, app.session.teams[0].objectives[0].id)
        for key in ("c", "g", "enter"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, CheckInForm | GradeForm)
        assert [text for _, text in notifications(app)][-3:] == [
            "Put the cursor on a key result."] * 3


async def test_the_view_shows_what_was_checked_in_and_graded(isolated: Path) -> None:
    path = isolated / "quarter.toml"
    save_session(session_with_check_ins(), path)
    app = OkrApp(session=load_session(path), path=path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        first, second, third = app.session.teams[0].objectives
        await open_progress(pilot, first.key_results[0].id)
        reduction = row_text(app, first.key_results[0].id)
        assert "baseline 12 → target 9,6 minutes · latest 10,5 minutes on 2027-02-12" in reduction
        assert "██████░░░░ 63\u202f%" in reduction and "confidence 8/10 on track" in reduction
        assert "▁▅█" in reduction  # 12, 11.2, 10.5: up toward the target
        assert "“Formulaire en 3 étapes en test”" in reduction
        assert "confidence 3/10 off track" in row_text(app, first.key_results[1].id)
        unknown = row_text(app, first.key_results[2].id)
        assert "unknown: measure the baseline first → action “Instrumenter" in unknown
        assert "aspirational · grade 0,75 · succeeded (threshold 0,7)" in row_text(app, third.id)
        assert "committed · not graded yet" in row_text(app, second.id)


async def test_user_text_is_shown_as_typed_never_as_markup(isolated: Path) -> None:
    session = load_session(EXAMPLES / "publication-autonome.toml")
    objective = session.teams[0].objectives[0]
    objective.text = f"Objectif {HOSTILE}"
    kr = objective.key_results[0]
    kr.text = f"Réduire de 20 % {HOSTILE}"
    kr.unit = HOSTILE
    path = isolated / "hostile.toml"
    save_session(session, path)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_progress(pilot, kr.id)
        await pilot.press("c")
        await pilot.pause()
        await fill(pilot, "11")
        await fill(pilot, "2")
        await pilot.press("enter")
        await type_in(pilot, HOSTILE)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and errors(app) == []
        assert app.session.teams[0].objectives[0].key_results[0].check_ins[0].note == HOSTILE
        assert f"Objectif {HOSTILE}" in row_text(app, objective.id)
        shown = row_text(app, kr.id)
        assert f"Réduire de 20 % {HOSTILE}" in shown
        assert f"dernier 11 {HOSTILE}" in shown
        assert f"«\u00a0{HOSTILE}\u00a0»" in shown
        await pilot.press("c")
        await pilot.pause()
        assert HOSTILE in str(app.screen.query_one(".note", Static).content)


async def test_the_method_card_key_says_there_is_none_for_progress(isolated: Path) -> None:
    path = example_copy(isolated)
    app = OkrApp(session=load_session(path), path=path, lang="en")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.is_running and notifications(app)[-1][1] == (
            "No method card for progress: f1 shows its keys.")


async def test_a_session_reopened_in_the_quarter_opens_on_its_progress(isolated: Path) -> None:
    path = isolated / "t1.toml"
    save_session(load_session(EXAMPLES / "publication-autonome-t1.toml"), path)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.active_level == "progress"  # type: ignore[attr-defined]
        assert rows(app).has_focus
        assert highlighted_id(app) == app.session.teams[0].objectives[0].key_results[0].id
    workshop = isolated / "workshop.toml"
    save_session(load_session(EXAMPLES / "publication-autonome.toml"), workshop)
    app = OkrApp(session=load_session(workshop), path=workshop)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.active_level == "ambition"  # type: ignore[attr-defined]


async def test_the_form_refuses_what_the_command_line_refuses(isolated: Path) -> None:
    """A confidence such as ², a date after today or a value that reads two ways: said in the
    form, never a crash and never a guess (a future date would stay the latest for ever)."""
    path = example_copy(isolated)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CheckInForm)
        for value, confidence, day, said in (
                ("11", "²", "", "la confiance est un nombre entier"),
                ("11", "6", "2999-01-01", "est après aujourd’hui"),
                ("1.200", "6", "", "peut se lire 1,2 ou 1\u202f200")):
            form.query_one("#value", Input).value = value
            form.query_one("#confidence", Input).value = confidence
            form.query_one("#date", Input).value = day
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form
            assert said in str(form.query_one(".form-error", Static).content)
        assert app.session.teams[0].objectives[0].key_results[0].check_ins == []
        assert errors(app) == []

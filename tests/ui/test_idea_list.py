"""The ideas list: every row in full while the list is short; past FOLD_ABOVE ideas one line a
row, the highlighted row in full, and row text built only when shown."""

from textual.app import App, ComposeResult
from textual.content import Content

from okrtui.screens.widgets.idea_list import FOLD_ABOVE, IdeaList, IdeaRow

from .rendered import screen_text

LONG = "A very long idea about onboarding accountants " * 4 + "[b]not bold[/b] [@click=app.quit]"


class ListApp(App[None]):
    def __init__(self, texts: list[str]) -> None:
        super().__init__()
        self.texts = texts
        self.built: list[int] = []

    def compose(self) -> ComposeResult:
        yield IdeaList(id="ideas")

    def on_mount(self) -> None:
        self.query_one(IdeaList).set_options(
            [IdeaRow(self._make, f"i{index}", index) for index in range(len(self.texts))])
        self.query_one(IdeaList).highlighted = 0

    def _make(self, index: int, count: int) -> Content:
        self.built.append(index)
        return Content(self.texts[index])


def rows_of(ideas: IdeaList, index: int) -> int:
    return ideas.row_height(index)


async def test_a_short_list_shows_every_idea_in_full() -> None:
    app = ListApp([LONG, "short", LONG])
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        ideas = app.query_one(IdeaList)
        assert not ideas.folded
        assert rows_of(ideas, 0) > 1 and rows_of(ideas, 2) > 1
        assert rows_of(ideas, 1) == 1


async def test_a_long_list_folds_rows_but_the_highlighted_one() -> None:
    texts = [LONG if index % 10 == 0 else f"idea {index}" for index in range(FOLD_ABOVE + 50)]
    app = ListApp(texts)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        ideas = app.query_one(IdeaList)
        assert ideas.folded
        full = rows_of(ideas, 0)
        assert full > 1
        assert ideas.virtual_size.height == len(texts) - 1 + full
        ideas.focus()
        await pilot.press("down")
        await pilot.pause()
        assert rows_of(ideas, 0) == 1 and rows_of(ideas, 1) == 1
        assert ideas.virtual_size.height == len(texts)
        for _ in range(9):
            await pilot.press("down")
        await pilot.pause()
        assert ideas.highlighted == 10
        assert rows_of(ideas, 10) == full
        screen = screen_text(app)
        assert "[b]not bold[/b]" in screen  # user text is shown literally
        assert "…" in screen  # another long idea, folded


async def test_rows_are_built_only_when_shown() -> None:
    app = ListApp([f"idea {index}" for index in range(5000)])
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert 0 < len(app.built) < 100


async def test_adding_past_the_threshold_folds_the_rows_already_measured() -> None:
    app = ListApp([LONG] * FOLD_ABOVE)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        ideas = app.query_one(IdeaList)
        assert rows_of(ideas, 5) > 1
        ideas.add_option(IdeaRow(lambda text, _: Content(text), "more", "one more"))
        ideas.highlighted = FOLD_ABOVE
        await pilot.pause()
        assert ideas.folded
        assert rows_of(ideas, 5) == 1
        assert ideas.virtual_size.height == FOLD_ABOVE + 1


async def test_a_list_of_auto_height_measures_its_rows_folded_or_not() -> None:
    for count, folded in ((3, False), (FOLD_ABOVE + 20, True)):
        app = ListApp([LONG] * count)
        async with app.run_test(size=(60, 200)) as pilot:
            ideas = app.query_one(IdeaList)
            ideas.styles.height = "auto"
            ideas.styles.max_height = 500
            await pilot.pause()
            assert ideas.folded is folded
            rows = rows_of(ideas, 0)
            expected = count * rows if not folded else count - 1 + rows
            assert ideas.size.height == expected


async def test_a_rebuilt_list_keeps_its_rows_and_makes_their_text_again() -> None:
    app = ListApp(["first", "second"])
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        ideas = app.query_one(IdeaList)
        rows = list(ideas.options)
        app.texts[1] = "second, reworded"
        for index, row in enumerate(rows):
            assert isinstance(row, IdeaRow)
            row.remake(index)
        ideas.set_options(rows)
        await pilot.pause()
        assert [str(option.prompt) for option in ideas.options] == ["first", "second, reworded"]


async def test_rows_remade_in_place_are_drawn_and_measured_again() -> None:
    texts = [f"idea {index}" for index in range(FOLD_ABOVE + 10)]
    app = ListApp(texts)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        ideas = app.query_one(IdeaList)
        assert rows_of(ideas, 0) == 1
        app.texts[0] = LONG
        app.texts[1] = "idea one, reworded"
        for index, row in enumerate(ideas.options):
            assert isinstance(row, IdeaRow)
            row.remake(index)
        ideas.rows_changed()
        await pilot.pause()
        assert rows_of(ideas, 0) > 1  # the highlighted row, whole
        assert str(ideas.options[1].prompt) == "idea one, reworded"
        screen = screen_text(app)
        assert "idea one, reworded" in screen


async def test_a_click_moves_the_cursor_to_the_row_and_selects_it() -> None:
    selected: list[str] = []

    class Clicked(ListApp):
        def on_idea_list_selected(self, event: IdeaList.Selected) -> None:
            selected.append(event.row.id)

    app = Clicked([f"idea {index}" for index in range(FOLD_ABOVE + 10)])
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.click(IdeaList, offset=(3, 5))  # the list's top border, then rows 0–3
        await pilot.pause()
        assert app.query_one(IdeaList).highlighted == 4
        assert selected == ["i4"]


async def test_page_down_moves_a_screen_and_keeps_the_cursor_in_view() -> None:
    app = ListApp([f"idea {index}" for index in range(5000)])
    async with app.run_test(size=(60, 20)) as pilot:
        ideas = app.query_one(IdeaList)
        ideas.focus()
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert ideas.highlighted == 2 * ideas.scrollable_content_region.height
        assert f"idea {ideas.highlighted}" in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert ideas.highlighted == 4999 and "idea 4999" in screen_text(app)
        await pilot.press("down")  # around the end, to the first
        await pilot.pause()
        assert ideas.highlighted == 0 and "idea 0" in screen_text(app)

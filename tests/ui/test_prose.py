"""French typography survives wrapping: no line starts with « » », « : », « ? » or « % »
that U+00A0 / U+202F tie to the word before, and no line ends with a lone « « »."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static

from okrtui.screens.app import OkrApp
from okrtui.screens.prose import BREAKABLE, Prose, break_offsets
from okrtui.storage import load_session

from .support import level_view

NBSP, NNBSP = "\u00a0", "\u202f"
SENTENCE = (f"Le résultat clé «{NBSP}Réduire le délai de réponse{NBSP}» n’a pas de point "
            f"de départ{NBSP}: mesurez-le avant de le retenir{NNBSP}! "
            f"Objectif{NBSP}: 30{NNBSP}%{NNBSP}?")


def pieces(text: str, width: int) -> list[str]:
    cuts = [0, *break_offsets(text, width), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


@pytest.mark.parametrize("width", range(10, 70))
def test_no_line_starts_or_ends_at_a_non_breaking_space(width: int) -> None:
    for piece in pieces(SENTENCE, width):
        assert piece[0] not in "»:!?%" and piece.rstrip(BREAKABLE)[-1] != "«", (width, piece)
        assert len(piece.rstrip(BREAKABLE)) <= width


@given(st.text(alphabet=st.sampled_from(list("ab «»:?%é" + NBSP + NNBSP)), max_size=80),
       st.integers(min_value=1, max_value=30))
def test_pieces_fit_and_give_back_the_text(text: str, width: int) -> None:
    parts = pieces(text, width)
    assert "".join(parts) == text
    for part in parts:
        assert len(part.rstrip(BREAKABLE)) <= width
    for cut in break_offsets(text, width):
        if text[cut - 1] in BREAKABLE:
            continue
        word_start = max(text.rfind(space, 0, cut) for space in BREAKABLE) + 1
        word_ends = [end for end in (text.find(space, cut) for space in BREAKABLE) if end >= 0]
        word = text[word_start:min(word_ends, default=len(text))]
        assert len(word) > width, (cut, word)


class Shown(App[None]):
    def __init__(self, visual: object) -> None:
        super().__init__()
        self.visual = visual

    def compose(self) -> ComposeResult:
        yield Static(self.visual, id="text")  # type: ignore[arg-type]


async def lines_at(visual: object, width: int) -> list[str]:
    app = Shown(visual)
    async with app.run_test(size=(width, 12)) as pilot:
        await pilot.pause()
        widget = app.query_one("#text", Static)
        return [strip.text.rstrip() for strip in widget.render_lines(widget.region.reset_offset)
                if strip.text.strip()]


@pytest.mark.parametrize("width", [20, 31, 40, 57])
async def test_a_static_keeps_the_closing_guillemet_with_its_word(width: int) -> None:
    lines = await lines_at(Prose(Content(SENTENCE)), width)
    assert "".join(lines).replace(" ", "").replace(NBSP, "").replace(NNBSP, "") == \
        SENTENCE.replace(" ", "").replace(NBSP, "").replace(NNBSP, "")
    assert not any(line[0] in "»:!?%" for line in lines), lines


async def test_textual_alone_breaks_at_the_non_breaking_space() -> None:
    """Why Prose exists: the same sentence in a bare Content puts « » » first on a line at
    some width (if Textual ever stops doing so, Prose can go)."""
    broken = []
    for width in range(20, 60):
        lines = await lines_at(Content(SENTENCE), width)
        broken += [line for line in lines if line[0] in "»:!?%"]
    assert broken



async def test_the_delete_question_never_starts_a_line_with_a_guillemet_or_a_colon() -> None:
    """The product's own dialog, at 80 columns, for every length of objective wording."""
    path = Path(__file__).resolve().parents[2] / "sessions" / "publication-autonome.toml"
    session = load_session(path)
    objective = session.teams[0].objectives[0]
    words = objective.text.split()
    app = OkrApp(session=session, path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        view = level_view(app, "ambition")
        view.focus()
        await pilot.pause()
        view.select_item(objective.id)
        for count in range(1, len(words) + 1):
            objective.text = " ".join(words[:count])
            await pilot.press("delete")
            await pilot.pause()
            question = app.screen.query_one(".question", Static)
            lines = [strip.text.strip() for strip in
                     question.render_lines(question.region.reset_offset)]
            assert not any(line[:1] in ("»", ":", "?", "!") for line in lines), lines
            await pilot.press("escape")
            await pilot.pause()

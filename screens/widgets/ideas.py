"""The ideas of one level: a virtual list, and a field to capture the next one with its author."""

from collections import Counter
from collections.abc import Iterable

from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Input, Label, Select

from okrtui.facilitation import current_phase, hidden_summary
from okrtui.i18n import Catalog
from okrtui.models import Idea, Level, Session, Team
from okrtui.text import clean_line

from ..commands import bindings_for
from ..localized import glimpse, hidden_ideas, literal, prose
from .idea_list import IdeaList, IdeaRow
from .in_place import show_in_place
from .team_view import TeamView

HIDDEN_ROW = "hidden-summary"


class IdeaField(Input):
    """The capture field. Its text is taken (and the field emptied) in the field's own queue
    of keys, after the keys typed before enter and before those typed after it."""

    class Typed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def validate_virtual_size(self, size: Size) -> Size:
        """Grow the virtual width in steps of 256 cells: an Input's virtual size follows its
        text, and each change asks for a layout of the whole screen (with a 5,000-idea list,
        that made every keystroke cost ~10 ms more). In steps, it changes once a line."""
        return Size((size.width // 256 + 1) * 256, size.height)

    def take_text(self) -> None:
        text = clean_line(self.value)
        self.value = ""
        if text:
            self.post_message(self.Typed(text))

    def on_paste(self, event: events.Paste) -> None:
        """Pasted text goes in as typed, a tab as a space (Input dropped it and glued the
        words). Several lines: each becomes an idea, the first with what was typed before."""
        event.prevent_default()  # Input's own paste keeps only the first line
        event.stop()
        lines = [line for line in (clean_line(line) for line in event.text.splitlines()) if line]
        if not lines:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(lines[0])
        else:
            self.replace(lines[0], *self.selection)
        if len(lines) > 1:
            self.take_text()
            for line in lines[1:]:
                self.post_message(self.Typed(line))


class AuthorSelect(Select[str]):
    """The author picker: enter or space opens it; the arrows move on to the next or the
    previous field, as everywhere else in the panel (down opened the list)."""

    BINDINGS = bindings_for("author")


class IdeasPanel(TeamView, Vertical):
    """Enter in the field adds an idea; the list keeps them all, ✓ marks those committed."""

    BINDINGS = bindings_for("ideas")

    class Captured(Message):
        def __init__(self, text: str, author: str | None) -> None:
            super().__init__()
            self.text = text
            self.author = author

    def __init__(self, session: Session, team: Team, level: Level, tr: Catalog) -> None:
        super().__init__(classes="ideas")
        self.marked: set[str] = set()
        self._rows: dict[str, IdeaRow] = {}
        self._tied: set[int] = set()
        """Dot counts that two visible ideas or more share (marked as ties)."""
        self._people_shown = [(p.id, p.name) for p in session.participants]
        self.silent = False
        self.session = session
        self.level = level
        self.tr = tr


    def compose(self) -> ComposeResult:
        yield Label("", classes="panel-heading", id=f"{self.level}-ideas-heading")
        yield IdeaList(id=f"{self.level}-ideas", classes="idea-list")
        with Horizontal(classes="capture") as capture:
            capture.display = not self.session.anonymous
            yield Label(prose(self.tr("ideas.author")), classes="capture-label")
            yield AuthorSelect(self._author_options(), prompt=self.tr("ideas.no_author"),
                         id=f"{self.level}-author", classes="author", compact=True)
        yield IdeaField(placeholder=self.tr("ideas.placeholder"),
                        id=f"{self.level}-idea-input", classes="idea-input", compact=True,
                        select_on_focus=False)

    def on_mount(self) -> None:
        self.reload()

    def _author_options(self) -> list[tuple[Content, str]]:
        return [(literal(p.name), p.id) for p in self.session.participants]

    def _prompt(self, idea: Idea, dots: int = 0) -> Content:
        author = self.session.participant_name(idea.author)
        if idea.promoted_to:
            mark = ("✓ ", "bold green")
        elif idea.parked:
            mark = (f"{self.tr('ideas.parked_mark')} ", "bold $warning")
        else:
            mark = ("• ", "dim")
        parts: list[tuple[str, str] | str] = []
        if idea.id in self.marked:
            parts.append(("☑ ", "bold $accent"))
        parts += [mark, (glimpse(" ".join(idea.text.split())), "dim" if idea.parked else "")]
        if idea.members:
            parts.append((f"  ⧉{len(idea.members)}", "bold $secondary"))
        if dots:
            parts.append((f"  {'●' * min(dots, 12)} {dots}", "bold $accent"))
            if dots in self._tied:
                parts.append((f" ({self.tr('ideas.tied')})", "$accent"))
        if author:
            parts.append((f" — {author}", "dim italic"))
        for member in idea.members:  # a group shows what it holds, and who proposed it
            parts += [("\n    ↳ ", "dim"), (glimpse(" ".join(member.text.split())), "dim")]
            member_author = self.session.participant_name(member.author)
            if member_author:
                parts.append((f" — {member_author}", "dim italic"))
        return Content.assemble(*parts)

    def _ordered(self) -> tuple[list[Idea], dict[str, int], int]:
        """The visible ideas (ranked by dots while converging and once anyone has voted;
        parked ones last), their dots, and how many are hidden (silent writing)."""
        ideas = self.team.ideas_at(self.level)
        visible = [idea for idea in ideas if not idea.hidden]
        dots: dict[str, int] = {}
        for vote in self.team.votes:
            dots[vote.idea] = dots.get(vote.idea, 0) + vote.dots
        counts = [dots[idea.id] for idea in visible if dots.get(idea.id)] if dots else []
        if counts or current_phase(self.team, self.level) == "converge":
            visible.sort(key=lambda idea: -dots.get(idea.id, 0))
        self._tied = {count for count, ideas_with in Counter(counts).items() if ideas_with > 1}
        visible.sort(key=lambda idea: idea.parked)
        return visible, dots, len(ideas) - len(visible)

    def reload(self) -> None:
        self.refresh_authors()
        ideas, dots, hidden = self._ordered()
        idea_list = self.query_one(IdeaList)
        highlighted = idea_list.highlighted_option
        keep = highlighted.id if highlighted else None
        rows: list[IdeaRow] = []
        if hidden:
            rows.append(self._hidden_row(idea_list))
        rows += self._rows_for(ideas, dots)
        self._update_heading(len(ideas) + hidden)
        if [row.id for row in rows] == [row.id for row in idea_list.options]:
            idea_list.rows_changed()  # the same rows in the same order (an undo, mostly)
            return
        idea_list.set_options(rows)
        if keep is not None and keep in {idea.id for idea in ideas}:
            idea_list.highlighted = idea_list.get_option_index(keep)
        elif ideas:
            idea_list.highlighted = 1 if hidden else 0

    def _hidden_row(self, idea_list: IdeaList) -> IdeaRow:
        """The row counting the hidden ideas (silent writing), kept if the list has it."""
        if idea_list.option_count and idea_list.options[0].id == HIDDEN_ROW:
            row = idea_list.options[0]
            row.remake(None)
            return row
        return IdeaRow(lambda _, __: self._hidden_prompt(), HIDDEN_ROW, disabled=True)

    def _rows_for(self, ideas: list[Idea], dots: dict[str, int]) -> list[IdeaRow]:
        """The list's rows for ideas: the rows already made are kept and made again when
        next shown (no new objects for ideas still there)."""
        kept, rows = self._rows, []
        for idea in ideas:
            row = kept.get(idea.id)
            if row is None:
                row = IdeaRow(self._prompt, idea.id, idea, dots.get(idea.id, 0))
            else:
                row.remake(idea, dots.get(idea.id, 0))
            rows.append(row)
        self._rows = {row.id: row for row in rows}
        return rows

    def _hidden_prompt(self) -> Content:
        count, people = hidden_summary(self.team, self.level)
        return Content.styled(f"🔒 {hidden_ideas(self.tr, count, people)}", "italic $warning")

    def _update_heading(self, count: int) -> None:
        heading = self.query_one(".panel-heading", Label)
        title = self.tr("ideas.heading", count=count)
        if self.silent:
            title += f"  · {self.tr('silent.on')}"
        show_in_place(heading, literal(title))

    def show_new(self, idea: Idea) -> None:
        """Show one captured idea without rebuilding the list (a hidden one: the count)."""
        idea_list = self.query_one(IdeaList)
        count = len(self.team.ideas_at(self.level))
        if idea.hidden:
            if idea_list.option_count and idea_list.options[0].id == HIDDEN_ROW:
                idea_list.options[0].remake(None)
                idea_list.row_changed(0)
                self._update_heading(count)
            else:
                self.reload()
            return
        row = self._rows[idea.id] = IdeaRow(self._prompt, idea.id, idea)
        idea_list.add_option(row)
        idea_list.highlighted = idea_list.option_count - 1
        self._update_heading(count)

    def _dots(self, idea: Idea) -> int:
        return sum(vote.dots for vote in self.team.votes if vote.idea == idea.id)

    def redraw(self, idea: Idea) -> None:
        """Show on its row what changed in one idea (committed, reworded), without rebuilding
        the list: with 50,000 ideas a rebuild costs ~0.5 s."""
        row = self._rows.get(idea.id)
        if row is None:  # hidden (silent writing): its row is the summary
            self.reload()
            return
        row.remake(idea, self._dots(idea))
        self.query_one(IdeaList).rows_changed()

    def follow(self, ids: Iterable[str]) -> None:
        """Ideas added, dotted or deleted elsewhere (the room, a dialog): shown as if typed
        here (a row already shown is redrawn; a hidden one counted)."""
        ideas = {idea.id: idea for idea in self.team.ideas_at(self.level)}
        ranked = bool(self.team.votes) or current_phase(self.team, self.level) == "converge"
        for idea_id in ids:
            idea = ideas.get(idea_id)
            if idea is None or (ranked and idea.id in self._rows):
                self.reload()  # a dot may change the ranking and who is tied
                return
            if idea.id in self._rows:
                self.redraw(idea)
            else:
                self.show_new(idea)

    def forget(self, idea: Idea) -> None:
        """Take a removed idea's row out of the list, without rebuilding the list."""
        if self._rows.pop(idea.id, None) is None:
            self.reload()
            return
        self.query_one(IdeaList).remove_option(idea.id)
        self._update_heading(len(self.team.ideas_at(self.level)))

    def toggle_mark(self) -> None:
        idea = self.highlighted_idea
        if idea is None:
            return
        self.marked ^= {idea.id}
        idea_list = self.query_one(IdeaList)
        index = idea_list.highlighted
        if index is not None:
            self.redraw(idea)
            if index + 1 < idea_list.option_count:
                idea_list.highlighted = index + 1

    def refresh_authors(self) -> None:
        """The author list follows the participants (added, or gone with an undo)."""
        people = [(p.id, p.name) for p in self.session.participants]
        if people == self._people_shown:
            return
        self._people_shown = people
        select = self.query_one(Select)
        kept = select.value
        select.set_options(self._author_options())
        if kept in {person_id for person_id, _ in people}:
            select.value = kept

    @property
    def highlighted_idea(self) -> Idea | None:
        option = self.query_one(IdeaList).highlighted_option
        if option is None:
            return None
        return next((idea for idea in self.team.ideas if idea.id == option.id), None)

    @property
    def list_has_focus(self) -> bool:
        return self.query_one(IdeaList).has_focus

    def focus_list(self) -> bool:
        """Focus the list of ideas, if it has any."""
        ideas = self.query_one(IdeaList)
        if ideas.option_count:
            ideas.focus()
        return bool(ideas.option_count)

    def focus_field(self) -> None:
        """Focus the field at once, so that the keys typed next land in it."""
        self.screen.set_focus(self.query_one(IdeaField))

    def on_idea_field_typed(self, event: "IdeaField.Typed") -> None:
        event.stop()
        author = self.query_one(Select).value
        self.post_message(self.Captured(event.text, author if isinstance(author, str) else None))

    def action_add_idea(self) -> None:
        """A priority binding runs as the key arrives, before it reaches the field: queue the
        taking of the text behind the keys the field has still to process."""
        field = self.query_one(IdeaField)
        if not field.has_focus:
            raise SkipAction()
        field.call_later(field.take_text)

    def action_leave_field(self) -> None:
        self.query_one(IdeaList).focus()

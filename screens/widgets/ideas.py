"""The ideas of one level: a virtual list, and a field to capture the next one with its author."""

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from okrtui.i18n import Catalog
from okrtui.models import Idea, Level, Session, Team
from screens.localized import literal, localize_bindings


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
        text = self.value.strip()
        self.value = ""
        if text:
            self.post_message(self.Typed(text))


class IdeasPanel(Vertical):
    """Enter in the field adds an idea; the list keeps them all, ✓ marks those committed."""

    BINDINGS = [
        Binding("escape", "leave_field", "key.leave_field", show=False),
        Binding("enter", "add_idea", "key.add_idea", show=False, priority=True),
    ]

    class Captured(Message):
        def __init__(self, text: str, author: str | None) -> None:
            super().__init__()
            self.text = text
            self.author = author

    def __init__(self, session: Session, team: Team, level: Level, tr: Catalog) -> None:
        super().__init__(classes="ideas")
        self.session = session
        self.level = level
        self.tr = tr
        localize_bindings(self, tr)

    @property
    def team(self) -> Team:
        """The session's team, looked up each time: undo puts new objects in the session."""
        return self.session.teams[0]

    def compose(self) -> ComposeResult:
        yield Label("", classes="panel-heading", id=f"{self.level}-ideas-heading")
        yield OptionList(id=f"{self.level}-ideas", classes="idea-list")
        with Horizontal(classes="capture"):
            yield Label(literal(self.tr("ideas.author")), classes="capture-label")
            yield Select(self._author_options(), prompt=self.tr("ideas.no_author"),
                         id=f"{self.level}-author", classes="author", compact=True)
        yield IdeaField(placeholder=self.tr("ideas.placeholder"),
                        id=f"{self.level}-idea-input", classes="idea-input", compact=True)

    def on_mount(self) -> None:
        self.reload()

    def _author_options(self) -> list[tuple[Content, str]]:
        return [(literal(p.name), p.id) for p in self.session.participants]

    def _prompt(self, idea: Idea) -> Content:
        author = self.session.participant_name(idea.author)
        mark = ("✓ ", "bold green") if idea.promoted_to else ("• ", "dim")
        parts: list[tuple[str, str] | str] = [mark, " ".join(idea.text.split())]
        if author:
            parts.append((f" — {author}", "dim italic"))
        return Content.assemble(*parts)

    def reload(self) -> None:
        ideas = self.team.ideas_at(self.level)
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted_option
        keep = highlighted.id if highlighted else None
        option_list.set_options(Option(self._prompt(idea), id=idea.id) for idea in ideas)
        if keep is not None and keep in {idea.id for idea in ideas}:
            option_list.highlighted = option_list.get_option_index(keep)
        elif ideas:
            option_list.highlighted = 0
        self._update_heading(len(ideas))

    def _update_heading(self, count: int) -> None:
        heading = self.query_one(".panel-heading", Label)
        heading.update(literal(self.tr("ideas.heading", count=count)))

    def show_new(self, idea: Idea) -> None:
        """Append one captured idea without rebuilding the list."""
        option_list = self.query_one(OptionList)
        option_list.add_option(Option(self._prompt(idea), id=idea.id))
        option_list.highlighted = option_list.option_count - 1
        self._update_heading(option_list.option_count)

    @property
    def highlighted_idea(self) -> Idea | None:
        option = self.query_one(OptionList).highlighted_option
        if option is None:
            return None
        return next((idea for idea in self.team.ideas if idea.id == option.id), None)

    @property
    def list_has_focus(self) -> bool:
        return self.query_one(OptionList).has_focus

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
        self.query_one(OptionList).focus()

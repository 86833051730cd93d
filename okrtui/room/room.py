"""What the room may see and do: participants join, write ideas during diverge and place
dots during converge; the board follows. Every edit is made as the facilitator's keys make
it (the same okrtui.workshop / facilitation functions, then Document.edited with the same
step name), so that undo, the recovery journal and saving treat a remote idea as a typed one.

What leaves the process is decided here: a participant sees their own ideas until the
reveal and their own dots, never another's; the board sees revealed ideas only. In an
anonymous session no idea records its author, and the room keeps no link from a person to
an idea either.
"""

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from okrtui.document import Change, Document, Name
from okrtui.facilitation import (
    VoteRefused,
    add_dot,
    dots_used,
    hidden_summary,
    peek_state,
    remaining_seconds,
    remove_dot,
    tally,
    voters_done,
)
from okrtui.i18n import catalog
from okrtui.models import Idea, Level, Phase, Session, Team
from okrtui.room.keys import RoomKeys, same
from okrtui.room.limits import FULL, TOO_LARGE, Limits, RateLimit, Refused
from okrtui.text import clean_line
from okrtui.workshop import add_idea, add_participant

BAD_REQUEST = 400
CONFLICT = 409
NAME_GLIMPSE = 40


def glimpse(text: str, limit: int = NAME_GLIMPSE) -> str:
    """What an undo step's name quotes of a text, as the screens cut it."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Status:
    """What every page shows: where the workshop stands."""

    title: str
    language: str
    level: Level
    phase: Phase
    remaining: int
    running: bool


@dataclass(frozen=True)
class Ballot:
    idea_id: str
    text: str
    my_dots: int


@dataclass(frozen=True)
class ParticipantView:
    status: Status
    joined: bool
    anonymous: bool
    name: str = ""
    can_write: bool = False
    own_ideas: tuple[str, ...] = ()
    """Ideas this participant wrote at this level (never in an anonymous session)."""
    ballot: tuple[Ballot, ...] = ()
    dots_left: int = 0
    can_vote: bool = False


@dataclass(frozen=True)
class Ranked:
    rank: int
    dots: int
    text: str
    tied: bool


@dataclass(frozen=True)
class Committed:
    text: str
    key_results: tuple[str, ...]


@dataclass(frozen=True)
class BoardView:
    status: Status
    hidden_ideas: int
    hidden_people: int
    ideas: tuple[str, ...]
    voted: int
    voters: int
    ranking: tuple[Ranked, ...]
    objectives: tuple[Committed, ...]


Listener = Callable[[], None]


@dataclass
class Room:
    """The room of one open document. The app tells it which level is on screen and
    whether its timer runs (`show`); pages follow it through `follow`."""

    document: Document
    keys: RoomKeys
    limits: Limits = Limits()
    clock: Callable[[], float] = time.monotonic
    level: Level = "ambition"
    timer_running: bool = False
    join_url_base: str | None = None
    """http://ADDRESS:PORT as participants reach it (the board's QR code names it)."""
    members: set[str] = field(default_factory=set)
    """Participants who came in through the room (its count is capped)."""
    version: int = 0
    """Counts the changes pages are told of."""
    durable: Callable[[], Awaitable[None]] | None = None
    """Returns once the document as it is now would survive the process being killed (the
    app's recovery journal): awaited before a participant's edit is acknowledged."""
    _listeners: list[Listener] = field(default_factory=list)
    _authors: tuple[object, dict[str, tuple[str, ...]]] = (None, {})

    def __post_init__(self) -> None:
        self._posts = RateLimit(self.limits.posts_per_minute, clock=self.clock)
        self._joins = RateLimit(self.limits.joins_per_minute, clock=self.clock)
        self.document.subscribe(self._document_changed)

    def close(self) -> None:
        self.document.unsubscribe(self._document_changed)
        self._listeners.clear()

    # Following ------------------------------------------------------------------------

    def follow(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unfollow(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def show(self, level: Level | None = None, timer_running: bool | None = None) -> None:
        """The facilitator moved to another level, or started or paused its timer."""
        if level is not None:
            self.level = level
        if timer_running is not None:
            self.timer_running = timer_running
        self._notify()

    def regenerate(self) -> None:
        """New links; the old ones answer 404 and the pages that used them stop following."""
        self.keys.regenerate()
        self._notify()

    def _document_changed(self, change: Change) -> None:
        self._notify()

    def _notify(self) -> None:
        self.version += 1
        for listener in list(self._listeners):
            listener()

    async def persisted(self) -> None:
        """What was just done will be offered on restart, even after a kill -9."""
        if self.durable is not None:
            await self.durable()

    # Who is asking --------------------------------------------------------------------

    def is_join_token(self, token: str) -> bool:
        return same(token, self.keys.join)

    def is_board_token(self, token: str) -> bool:
        return same(token, self.keys.board)

    def participant(self, cookie: str | None) -> str | None:
        """The participant a signed cookie names, if the session still holds them."""
        return self.present(self.keys.signed_participant(cookie))

    def present(self, participant_id: str | None) -> str | None:
        """participant_id, if the session still holds them (an undo takes a join back)."""
        if participant_id is None or self.session.participant_name(participant_id) is None:
            return None
        return participant_id

    @property
    def session(self) -> Session:
        return self.document.session

    @property
    def team(self) -> Team:
        return self.document.team

    def phase(self) -> Phase:
        return peek_state(self.team, self.level).phase

    # What participants do -------------------------------------------------------------

    def join(self, name: str, address: str) -> str:
        """A new participant, named (or, in an anonymous session, numbered): their id."""
        if len(self.members) >= self.limits.participants:
            raise Refused(FULL, "room.full")
        anonymous = self.session.anonymous
        name = "" if anonymous else clean_line(name)
        if len(name) > self.limits.name_chars:
            raise Refused(TOO_LARGE, "room.name_too_long")
        if not name and not anonymous:
            raise Refused(BAD_REQUEST, "room.name_required")
        self._joins.take(address, "room.too_many_joins")
        if anonymous:
            tr = catalog(self.session.language)
            name = tr("room.anonymous_name", number=len(self.session.participants) + 1)
        participant = add_participant(self.session, name)
        self.members.add(participant.id)
        self.document.edited(Name.of("step.participant_added", name=glimpse(name)))
        return participant.id

    def post_idea(self, participant_id: str, text: str) -> Idea:
        """A participant's idea, hidden until the reveal, at the level on screen."""
        if self.phase() != "diverge":
            raise Refused(CONFLICT, "room.not_writing")
        text = clean_line(text)
        if len(text) > self.limits.idea_chars:
            raise Refused(TOO_LARGE, "room.idea_too_long")
        if not text:
            raise Refused(BAD_REQUEST, "room.idea_empty")
        self._posts.take(participant_id, "room.too_many_posts")
        self.members.add(participant_id)
        idea = add_idea(self.session, self.team, self.level, text, participant_id)
        idea.hidden = True
        self.document.edited(Name.of("step.idea_added", text=glimpse(idea.text)), [idea.id])
        return idea

    def dot(self, participant_id: str, idea_id: str, step: int) -> None:
        """One more dot (step 1) or one taken back (step -1) on a revealed idea."""
        if self.phase() != "converge":
            raise Refused(CONFLICT, "room.not_voting")
        idea = next((i for i in self._ballot_ideas() if i.id == idea_id), None)
        if idea is None:
            raise Refused(CONFLICT, "room.no_such_idea")
        self._posts.take(participant_id, "room.too_many_posts")
        self.members.add(participant_id)
        try:
            if step > 0:
                add_dot(self.session, self.team, participant_id, idea)
            elif not remove_dot(self.team, participant_id, idea):
                return
        except VoteRefused:
            raise Refused(CONFLICT, "room.no_dots_left") from None
        self.document.edited(Name.of("step.dot"), [idea.id])

    def _ballot_ideas(self) -> list[Idea]:
        return [idea for idea in self.team.ideas_at(self.level)
                if not idea.hidden and not idea.parked]

    # What pages show ------------------------------------------------------------------

    def status(self) -> Status:
        state = peek_state(self.team, self.level)
        return Status(self.session.title, self.session.language, self.level, state.phase,
                      remaining_seconds(self.session, state), self.timer_running)

    def participant_view(self, participant_id: str | None) -> ParticipantView:
        status = self.status()
        anonymous = self.session.anonymous
        if participant_id is None:
            return ParticipantView(status, joined=False, anonymous=anonymous)
        name = self.session.participant_name(participant_id) or ""
        if status.phase == "diverge":
            own = self._ideas_by_author().get(participant_id, ())
            return ParticipantView(status, True, anonymous, name, can_write=True,
                                   own_ideas=own)
        if status.phase == "converge":
            mine: dict[str, int] = {}
            for vote in self.team.votes:
                if vote.participant == participant_id:
                    mine[vote.idea] = vote.dots
            ballot = tuple(Ballot(idea.id, idea.text, mine.get(idea.id, 0))
                           for idea in self._ballot_ideas())
            left = self.session.dots_per_person - dots_used(self.team, participant_id,
                                                            self.level)
            return ParticipantView(status, True, anonymous, name, ballot=ballot,
                                   dots_left=max(0, left), can_vote=True)
        return ParticipantView(status, True, anonymous, name)

    def _ideas_by_author(self) -> dict[str, tuple[str, ...]]:
        """Each author's ideas at the level on screen, gathered once per change: every page
        asks after each change (one pass over the ideas, not one per page)."""
        team = self.team
        seen = (self.version, self.level, team.id, len(team.ideas))
        version, by_author = self._authors
        if version != seen:
            gathered: dict[str, list[str]] = {}
            for idea in team.ideas_at(self.level):
                if idea.author is not None:
                    gathered.setdefault(idea.author, []).append(idea.text)
            by_author = {author: tuple(texts) for author, texts in gathered.items()}
            self._authors = (seen, by_author)
        return by_author

    def board_view(self) -> BoardView:
        status = self.status()
        hidden, people = hidden_summary(self.team, self.level)
        ranking: tuple[Ranked, ...] = ()
        if status.phase == "formalize":
            ranking = tuple(Ranked(r.rank, r.dots, r.idea.text, r.tied)
                            for r in tally(self.team, self.level) if not r.idea.hidden)
        objectives = tuple(
            Committed(o.text, tuple(kr.text for kr in o.committed_key_results))
            for o in self.team.committed_objectives)
        return BoardView(status, hidden, people,
                         tuple(idea.text for idea in self._ballot_ideas()),
                         len(voters_done(self.session, self.team, self.level)),
                         len(self.session.participants), ranking, objectives)

"""Running a level as diverge → converge → formalize: phases and their timers, silent
writing, grouping, dot voting, the parking lot and the decision log.

Like okrtui.workshop, every function keeps the session valid and loses no text: a merged
idea keeps its members, a parked idea stays in the file, votes survive until removed.
"""

from dataclasses import dataclass

from okrtui.coach.lexicon import fold
from okrtui.item_ids import next_id
from okrtui.models import (
    LEVELS,
    PHASES,
    GroupMember,
    Idea,
    Level,
    LevelState,
    LoggedDecision,
    Phase,
    Session,
    Team,
    Vote,
)
from okrtui.text import clean_line
from okrtui.workshop import position


class VoteRefused(Exception):
    """A participant has no dot left; nothing was changed."""

    def __init__(self, participant: str, budget: int) -> None:
        super().__init__(f"{participant} has used all {budget} dots")
        self.participant = participant
        self.budget = budget


# Phases and timers ------------------------------------------------------------------------


def level_state(team: Team, level: Level) -> LevelState:
    """The state of a level, created (at diverge, timer not started) on first use."""
    for state in team.levels:
        if state.level == level:
            return state
    state = LevelState(level=level)
    team.levels.append(state)
    return state


def peek_state(team: Team, level: Level) -> LevelState:
    """The state of a level for showing it: recorded, or a default one left unrecorded
    (looking at a session never changes it)."""
    return next((state for state in team.levels if state.level == level),
                LevelState(level=level))


def current_phase(team: Team, level: Level) -> Phase:
    """The phase of a level, without recording anything (diverge until moved)."""
    return peek_state(team, level).phase


def set_phase(team: Team, level: Level, phase: Phase) -> LevelState:
    """Move a level to phase (forward or back: the facilitator guides, nothing locks).
    The phase's timer is not started until asked."""
    state = level_state(team, level)
    if state.phase != phase:
        state.phase = phase
        state.remaining = None
    return state


def step_phase(team: Team, level: Level, step: int) -> LevelState:
    state = level_state(team, level)
    index = max(0, min(len(PHASES) - 1, PHASES.index(state.phase) + step))
    return set_phase(team, level, PHASES[index])


def workshop_minutes(phases: tuple[int, int, int]) -> int:
    """How long a workshop of the three levels lasts with these phase lengths (minutes)."""
    return len(LEVELS) * sum(phases)


def phases_for(phases: tuple[int, int, int], workshop: int) -> tuple[int, int, int]:
    """Phase lengths in the same proportions as phases, for a workshop of about `workshop`
    minutes over the three levels (each phase one minute at least; the rounding left goes
    to the longest phase)."""
    per_level = max(len(phases), round(workshop / len(LEVELS)))
    scaled = [max(1, round(minutes * per_level / sum(phases))) for minutes in phases]
    longest = scaled.index(max(scaled))
    scaled[longest] = max(1, scaled[longest] + per_level - sum(scaled))
    return scaled[0], scaled[1], scaled[2]


def phase_seconds(session: Session, phase: Phase) -> int:
    minutes: int = getattr(session.timebox, phase)
    return minutes * 60


def remaining_seconds(session: Session, state: LevelState) -> int:
    """Seconds left on the level's timer; a timer not started shows its full timebox."""
    if state.remaining is None:
        return phase_seconds(session, state.phase)
    return state.remaining


def add_time(session: Session, state: LevelState, seconds: int) -> None:
    state.remaining = max(0, remaining_seconds(session, state) + seconds)


def reset_timer(state: LevelState) -> None:
    state.remaining = None


def tick(session: Session, state: LevelState, seconds: int = 1) -> bool:
    """Count down; True when this tick reaches zero (the moment to ring)."""
    before = remaining_seconds(session, state)
    state.remaining = max(0, before - seconds)
    return before > 0 and state.remaining == 0


# Silent writing ---------------------------------------------------------------------------


def hidden_summary(team: Team, level: Level) -> tuple[int, int]:
    """(hidden ideas, distinct authors among them) — what the room may see before reveal."""
    hidden = [idea for idea in team.ideas_at(level) if idea.hidden]
    return len(hidden), len({idea.author for idea in hidden if idea.author})


def reveal(team: Team, level: Level) -> int:
    """Show every hidden idea of a level at once; how many were revealed."""
    count = 0
    for idea in team.ideas_at(level):
        if idea.hidden:
            idea.hidden = False
            count += 1
    return count


# Grouping ---------------------------------------------------------------------------------


def _members_of(idea: Idea) -> list[GroupMember]:
    if idea.members:
        return list(idea.members)
    return [GroupMember(text=idea.text, author=idea.author)]


def merge(session: Session, team: Team, ideas: list[Idea], text: str | None = None) -> Idea:
    """Merge ideas (two or more, of one level) into one group that keeps every original
    text and author; their votes move to the group. The group takes the first one's place."""
    if len(ideas) < 2:
        raise ValueError("merge needs at least two ideas")
    level = ideas[0].level
    if any(idea.level != level for idea in ideas):
        raise ValueError("merge ideas of one level")
    members = [member for idea in ideas for member in _members_of(idea)]
    promoted = {idea.promoted_to for idea in ideas if idea.promoted_to}
    if len(promoted) > 1:
        raise ValueError("merge at most one committed idea")
    group = Idea(id=next_id(session, "i"), level=level, text=clean_line(text or ideas[0].text),
                 members=members, hidden=all(idea.hidden for idea in ideas),
                 parked=all(idea.parked for idea in ideas),
                 promoted_to=next(iter(promoted), None))
    merged_ids = {idea.id for idea in ideas}
    place = position(team.ideas, ideas[0])
    team.ideas = [i for i in team.ideas if i.id not in merged_ids]
    team.ideas.insert(min(place, len(team.ideas)), group)
    kept = [vote for vote in team.votes if vote.idea not in merged_ids]
    moved: dict[str | None, int] = {}  # one row per participant (None: paper totals)
    for vote in team.votes:
        if vote.idea in merged_ids:
            moved[vote.participant] = moved.get(vote.participant, 0) + vote.dots
    team.votes = kept + [
        Vote(idea=group.id, participant=participant, dots=min(dots, 100))
        for participant, dots in moved.items()
    ]
    return group


def split(session: Session, team: Team, group: Idea) -> list[Idea]:
    """Undo a group: its members become ideas again, in its place. Its votes are dropped
    (they were cast on the group), which the caller should tell."""
    if not group.members:
        raise ValueError("not a group")
    place = position(team.ideas, group)
    ideas = []
    for offset, member in enumerate(group.members):
        idea = Idea(id=next_id(session, "i"), level=group.level, text=member.text,
                    author=member.author, hidden=group.hidden, parked=group.parked)
        team.ideas.insert(place + 1 + offset, idea)  # added before the next id is asked
        ideas.append(idea)
    del team.ideas[place]
    team.votes = [vote for vote in team.votes if vote.idea != group.id]
    return ideas


# Dot voting -------------------------------------------------------------------------------


def dots_used(team: Team, participant: str, level: Level) -> int:
    level_ids = {idea.id for idea in team.ideas_at(level)}
    return sum(v.dots for v in team.votes if v.participant == participant and v.idea in level_ids)


def add_dot(session: Session, team: Team, participant: str, idea: Idea) -> None:
    """One more dot from participant on idea; refused past the session's budget per level."""
    budget = session.dots_per_person
    if dots_used(team, participant, idea.level) >= budget:
        raise VoteRefused(participant, budget)
    for vote in team.votes:
        if vote.participant == participant and vote.idea == idea.id:
            vote.dots += 1
            return
    team.votes.append(Vote(idea=idea.id, participant=participant, dots=1))


def remove_dot(team: Team, participant: str, idea: Idea) -> bool:
    """Take back one of participant's dots on idea; False when there was none."""
    for vote in list(team.votes):
        if vote.participant == participant and vote.idea == idea.id:
            if vote.dots > 1:
                vote.dots -= 1
            else:
                team.votes.remove(vote)
            return True
    return False


MAX_PAPER_TOTAL = 100


def set_paper_total(team: Team, idea: Idea, total: int) -> None:
    """The dots counted on paper for an idea (0 removes them); ValueError past 100."""
    if not 0 <= total <= MAX_PAPER_TOTAL:
        raise ValueError(f"a paper total is between 0 and {MAX_PAPER_TOTAL}")
    new = [Vote(idea=idea.id, dots=total)] if total > 0 else []  # refused before any change
    team.votes = [v for v in team.votes
                  if not (v.participant is None and v.idea == idea.id)] + new


@dataclass(frozen=True)
class Ranked:
    idea: Idea
    dots: int
    rank: int
    tied: bool


def tally(team: Team, level: Level) -> list[Ranked]:
    """Ideas of a level with dots, most first; equal counts share a rank and are tied."""
    totals: dict[str, int] = {}
    for vote in team.votes:
        totals[vote.idea] = totals.get(vote.idea, 0) + vote.dots
    voted = [(idea, totals[idea.id]) for idea in team.ideas_at(level) if idea.id in totals]
    voted.sort(key=lambda pair: -pair[1])
    counts = [dots for _, dots in voted]
    ranked = []
    for idea, dots in voted:
        ranked.append(Ranked(idea, dots, counts.index(dots) + 1, counts.count(dots) > 1))
    return ranked


def voters_done(session: Session, team: Team, level: Level) -> list[str]:
    """Participants who have used all their dots on this level."""
    budget = session.dots_per_person
    return [p.id for p in session.participants if dots_used(team, p.id, level) >= budget]


# Parking lot and decision log -------------------------------------------------------------


def park(idea: Idea) -> None:
    idea.parked = True


def unpark(idea: Idea) -> None:
    idea.parked = False


def parking_lot(team: Team) -> list[Idea]:
    return [idea for idea in team.ideas if idea.parked]


def author_from_prefix(session: Session, text: str) -> tuple[str | None, str]:
    """"@ana Idea text": the author named by the first letters after @ (when exactly one
    participant's name starts so), and the text without the prefix."""
    if not text.startswith("@") or " " not in text:
        return None, text
    prefix, rest = text[1:].split(" ", 1)
    wanted = fold(prefix)
    matches = [p for p in session.participants if fold(p.name).startswith(wanted)]
    if len(matches) != 1 or not wanted or not rest.strip():
        return None, text
    return matches[0].id, rest.strip()


def unknown_author(session: Session, text: str) -> tuple[str, str] | None:
    """"@zoe Idea text" where no participant's name starts with "zoe": the name as a person
    would write it ("Zoe") and the text without the prefix; None when the text names no one
    after @, names a participant, or the session is anonymous."""
    if session.anonymous or not text.startswith("@") or " " not in text:
        return None
    prefix, rest = text[1:].split(" ", 1)
    wanted = fold(prefix)
    if not prefix.isalpha() or not rest.strip():
        return None
    if any(fold(p.name).startswith(wanted) for p in session.participants):
        return None
    return prefix[:1].upper() + prefix[1:], rest.strip()


def log_decision(session: Session, text: str, rationale: str = "",
                 level: Level | None = None) -> LoggedDecision:
    decision = LoggedDecision(id=next_id(session, "d"), text=clean_line(text),
                              rationale=clean_line(rationale) or None, level=level)
    session.decision_log.append(decision)
    return decision

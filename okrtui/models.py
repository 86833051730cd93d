"""The session and all it holds: the pydantic models that are the file format (docs/format.md)."""

import math
import weakref
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Final, Literal, Protocol

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    model_validator,
)
from pydantic_core import PydanticCustomError

from okrtui.rule_ids import RULE_IDS
from okrtui.text import clean_text

SCHEMA_VERSION: Final = 2

Level = Literal["ambition", "tactic", "execution"]
LEVELS: tuple[Level, ...] = ("ambition", "tactic", "execution")
Phase = Literal["diverge", "converge", "formalize"]
PHASES: tuple[Phase, ...] = ("diverge", "converge", "formalize")
Language = Literal["fr", "en"]
Text = Annotated[str, AfterValidator(clean_text)]


def refused(kind: str, english: str, **values: str) -> PydanticCustomError:
    """A value the file format refuses: kind is the catalog key that tells it (field.KIND),
    english the message with values in {braces}, as pydantic shows it."""
    return PydanticCustomError(kind, english, values)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise refused("empty_text", "must not be empty")
    return value


Wording = Annotated[str, AfterValidator(clean_text), AfterValidator(_not_blank)]
Flag = Annotated[bool, Strict()]
Day = Annotated[date, Strict()]
ID_MAX_LENGTH = 40
Id = Annotated[str, Field(pattern=rf"^[A-Za-z0-9_-]{{1,{ID_MAX_LENGTH}}}$")]


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise refused("not_a_number", "must be a number, such as 12 or 9.5")
    if isinstance(value, float) and not math.isfinite(value):
        raise refused("not_finite", "must be a finite number")
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        # TOML integers are 64-bit; a longer one could not be saved, or read by other tools.
        raise refused("number_too_big",
                      "must be within ±9.2e18; write a larger number as a float, such as 1e30")
    return value


Number = Annotated[int | float, BeforeValidator(_number)]

Outcome = Literal["kept", "changed", "dropped"]
OUTCOMES: tuple[Outcome, ...] = ("kept", "changed", "dropped")
ObjectiveKind = Literal["committed", "aspirational"]
NotDoing = Literal["still_right", "reconsider"]
"""The learning review's answer for something left out in the workshop (a parked idea, a
set-aside objective or key result): still right not to do it, or to reconsider."""
Confidence = Annotated[int, Field(ge=0, le=10), Strict()]


def _grade(value: Any) -> Any:
    value = _number(value)
    if not 0 <= value <= 1:
        raise refused("not_a_grade", "must be a grade from 0.0 to 1.0, such as 0.7")
    return float(value)


Grade = Annotated[float, BeforeValidator(_grade)]


class AssignmentWatcher(Protocol):
    def assigned(self, model: "Model") -> None: ...


_WATCHERS: "weakref.WeakSet[AssignmentWatcher]" = weakref.WeakSet()


def watch_assignments(watcher: AssignmentWatcher) -> None:
    """Call watcher.assigned(model) after each assignment to a field of any model, for as
    long as watcher lives (okrtui.history uses it to serialize only what changed)."""
    _WATCHERS.add(watcher)


class Model(BaseModel):
    """An idea or a vote is changed by assigning its fields, and a list it holds (an idea's
    group members) is replaced, never changed in place: that is how History sees that it
    changed. A team's lists themselves (its ideas, votes…) may be changed in place."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        for watcher in _WATCHERS:
            watcher.assigned(self)


def _known_rule(rule: str) -> str:
    if rule not in RULE_IDS:
        raise refused("unknown_rule", "unknown rule {rule}: use one of {rules}",
                      rule=repr(rule), rules=", ".join(sorted(RULE_IDS)))
    return rule


class Silence(Model):
    """A finding the team chose to keep quiet on one item, and why (shown in the review)."""

    rule: Annotated[str, AfterValidator(_known_rule)]
    reason: Wording


class Participant(Model):
    id: Id
    name: Text


class GroupMember(Model):
    """An idea merged into a group, kept as it was proposed."""

    text: Wording
    author: Id | None = None


class Idea(Model):
    """A candidate proposed during a level, before (or instead of) being committed.

    hidden: captured during silent writing, not yet revealed. parked: in the parking lot
    (not kept, never lost). members: the ideas merged into this one, when it is a group."""

    id: Id
    level: Level
    text: Wording
    author: Id | None = None
    promoted_to: Id | None = None
    hidden: Flag = False
    parked: Flag = False
    members: list[GroupMember] = []
    not_doing: NotDoing | None = None
    not_doing_note: Text | None = None


class Vote(Model):
    """Dots on an idea: from one participant, or (participant left out) a total counted on
    paper."""

    idea: Id
    participant: Id | None = None
    dots: Annotated[int, Field(ge=1, le=100), Strict()]


class LevelState(Model):
    """Where a level's workshop stands: its phase, and the seconds left on the phase's timer
    (left out: the timer has not been started)."""

    level: Level
    phase: Phase = "diverge"
    remaining: Annotated[int, Field(ge=0, le=24 * 3600), Strict()] | None = None


class Timebox(Model):
    """The default length of each phase, in minutes, for this session."""

    diverge: Annotated[int, Field(ge=1, le=600), Strict()] = 10
    converge: Annotated[int, Field(ge=1, le=600), Strict()] = 10
    formalize: Annotated[int, Field(ge=1, le=600), Strict()] = 15


class LoggedDecision(Model):
    """A decision recorded during the workshop, with why it was taken; after the period,
    whether it held (outcome) and on what evidence (the learning review)."""

    id: Id
    text: Wording
    rationale: Text | None = None
    level: Level | None = None
    outcome: Outcome | None = None
    evidence: Text | None = None


class DecisionReview(Model):
    """Whether one of an objective's decisions held over the period, and the evidence.
    decision: its wording, as in the objective's decisions."""

    decision: Wording
    outcome: Outcome
    evidence: Text | None = None


class CheckIn(Model):
    """Where a key result stood on a day: its value, the team's confidence that it will be
    reached (0–10; see okrtui.progress) and a note."""

    date: Day
    value: Number
    confidence: Confidence | None = None
    note: Text | None = None


class KeyResult(Model):
    """baseline_unknown: nobody has the starting figure yet; the KR stays useful and its first
    action is to measure it (an action whose `measures` names this KR)."""

    id: Id
    text: Wording
    baseline: Number | None = None
    target: Number | None = None
    unit: Text | None = None
    baseline_unknown: Flag = False
    set_aside: Flag = False
    silenced: list[Silence] = []
    check_ins: list[CheckIn] = []
    grade: Grade | None = None
    not_doing: NotDoing | None = None
    not_doing_note: Text | None = None

    @model_validator(mode="after")
    def _baseline_known_or_not(self) -> "KeyResult":
        if self.baseline_unknown and self.baseline is not None:
            raise refused("baseline_twice",
                          "baseline_unknown is true but a baseline is given: remove one")
        return self


class Kpi(Model):
    """A health metric the team keeps an eye on: not a key result (it is kept at a level,
    not moved). from_objective: the objective it was a key result of, to move it back."""

    id: Id
    text: Wording
    baseline: Number | None = None
    target: Number | None = None
    unit: Text | None = None
    baseline_unknown: Flag = False
    from_objective: Id | None = None
    silenced: list[Silence] = []


class RoadmapItem(Model):
    """Something already on the roadmap, and which objectives or key results it serves.
    became: the tactic or action it was turned into."""

    id: Id
    text: Wording
    serves: list[Id] = []
    became: Id | None = None


class Action(Model):
    id: Id
    text: Wording
    owner: Id | None = None
    due: Day | None = None
    first_step: Text | None = None
    measures: Id | None = None
    """The key result whose unknown baseline this action measures."""
    silenced: list[Silence] = []


class Tactic(Model):
    """A bet on how to reach an objective, aimed at some of its key results."""

    id: Id
    text: Wording
    moves: list[Id] = []
    actions: list[Action] = []
    silenced: list[Silence] = []


class Objective(Model):
    """kind: committed (expected to reach 1.0) or aspirational (0.7 is a success).
    reviews: whether its decisions held; learned: what the team learned over the period."""

    id: Id
    text: Wording
    kind: ObjectiveKind = "committed"
    decisions: list[Wording] = []
    key_results: list[KeyResult] = []
    tactics: list[Tactic] = []
    set_aside: Flag = False
    silenced: list[Silence] = []
    reviews: list[DecisionReview] = []
    learned: Text | None = None
    not_doing: NotDoing | None = None
    not_doing_note: Text | None = None

    @property
    def committed_key_results(self) -> list[KeyResult]:
        return [kr for kr in self.key_results if not kr.set_aside]


class Team(Model):
    id: Id
    name: Text
    ideas: list[Idea] = []
    objectives: list[Objective] = []
    levels: list[LevelState] = []
    votes: list[Vote] = []
    kpis: list[Kpi] = []
    roadmap: list[RoadmapItem] = []

    @property
    def committed_objectives(self) -> list[Objective]:
        return [objective for objective in self.objectives if not objective.set_aside]

    def ideas_at(self, level: str) -> list[Idea]:
        return [idea for idea in self.ideas if idea.level == level]


class CommonPoint(Model):
    """What several teams found they share (or pull apart on), kept from a comparison so
    that every team sees it. items: each item concerned, as "team — wording"."""

    id: Id
    text: Wording
    kind: Literal["shared", "opposed"] = "shared"
    items: list[Text] = []


class Session(Model):
    schema_version: Literal[2] = SCHEMA_VERSION
    title: Wording
    period: Text = ""
    language: Language
    anonymous: Flag = False
    dots_per_person: Annotated[int, Field(ge=1, le=20), Strict()] = 3
    timebox: Timebox = Timebox()
    participants: list[Participant] = []
    teams: list[Team] = Field(min_length=1)
    decision_log: list[LoggedDecision] = []
    common: list[CommonPoint] = []

    @model_validator(mode="after")
    def _references_resolve(self) -> "Session":
        check_references(self)
        return self

    def participant_name(self, participant_id: str | None) -> str | None:
        for participant in self.participants:
            if participant.id == participant_id:
                return participant.name
        return None


def check_references(session: Session) -> None:
    """Ids are unique; authors, owners, moved key results and promotions point at what exists."""
    seen: dict[str, str] = {}

    def register(item_id: str, where: str) -> None:
        if item_id in seen:
            raise refused("id_used", "{where}: id {id} is already used by {other}", where=where,
                          id=repr(item_id), other=seen[item_id])
        seen[item_id] = where

    people = set()
    for p, participant in enumerate(session.participants):
        register(participant.id, f"participants[{p}]")
        people.add(participant.id)
    for t, team in enumerate(session.teams):
        register(team.id, f"teams[{t}]")
        team_krs: dict[str, str] = {}
        for o, objective in enumerate(team.objectives):
            where = f"teams[{t}].objectives[{o}]"
            register(objective.id, where)
            _check_reviews(objective, where)
            kr_ids = {kr.id for kr in objective.key_results}
            for k, kr in enumerate(objective.key_results):
                register(kr.id, f"{where}.key_results[{k}]")
                team_krs[kr.id] = objective.id
            for a, tactic in enumerate(objective.tactics):
                tactic_where = f"{where}.tactics[{a}]"
                register(tactic.id, tactic_where)
                if len(set(tactic.moves)) != len(tactic.moves):
                    raise refused("listed_twice", "{where}: a key result is listed twice",
                              where=f"{tactic_where}.moves")
                for kr_id in tactic.moves:
                    if kr_id not in kr_ids:
                        raise refused("not_its_key_result",
                                      "{where}: {id} is not a key result of objective {objective}",
                                      where=f"{tactic_where}.moves", id=repr(kr_id),
                                      objective=repr(objective.id))
                for c, action in enumerate(tactic.actions):
                    register(action.id, f"{tactic_where}.actions[{c}]")
                    if action.measures is not None and action.measures not in kr_ids:
                        raise refused("not_its_key_result",
                                      "{where}: {id} is not a key result of objective {objective}",
                                      where=f"{tactic_where}.actions[{c}].measures",
                                      id=repr(action.measures), objective=repr(objective.id))
                    if action.owner is not None and action.owner not in people:
                        raise refused("no_participant", "{where}: no participant has id {id}",
                                      where=f"{tactic_where}.actions[{c}].owner",
                                      id=repr(action.owner))
        for i, idea in enumerate(team.ideas):
            register(idea.id, f"teams[{t}].ideas[{i}]")
            authors = [(f"teams[{t}].ideas[{i}].author", idea.author)] + [
                (f"teams[{t}].ideas[{i}].members[{m}].author", member.author)
                for m, member in enumerate(idea.members)
            ]
            for where, author in authors:
                if author is None:
                    continue
                if session.anonymous:
                    raise refused("anonymous_author",
                                  "{where}: an anonymous session records no author", where=where)
                if author not in people:
                    raise refused("no_participant", "{where}: no participant has id {id}",
                                  where=where, id=repr(author))
        _check_kpis_and_roadmap(team, t, team_krs, register)
        idea_ids = {idea.id for idea in team.ideas}
        for v, vote in enumerate(team.votes):
            if vote.idea not in idea_ids:
                raise refused("no_idea", "{where}: no idea has id {id}",
                              where=f"teams[{t}].votes[{v}].idea", id=repr(vote.idea))
            if vote.participant is not None and vote.participant not in people:
                raise refused("no_participant", "{where}: no participant has id {id}",
                              where=f"teams[{t}].votes[{v}].participant",
                              id=repr(vote.participant))
    for d, decision in enumerate(session.decision_log):
        register(decision.id, f"decision_log[{d}]")
    for c, point in enumerate(session.common):
        register(point.id, f"common[{c}]")
    for t, team in enumerate(session.teams):
        for i, idea in enumerate(team.ideas):
            if idea.promoted_to is not None and idea.promoted_to not in seen:
                raise refused("nothing_has_id", "{where}: nothing has id {id}",
                              where=f"teams[{t}].ideas[{i}].promoted_to",
                              id=repr(idea.promoted_to))


def _check_kpis_and_roadmap(team: Team, t: int, team_krs: dict[str, str],
                            register: Callable[[str, str], None]) -> None:
    """KPIs and roadmap items have ids of their own; a roadmap item serves this team's
    objectives or key results and became one of its tactics or actions."""
    objectives = {objective.id for objective in team.objectives}
    made = {tactic.id for objective in team.objectives for tactic in objective.tactics} | {
        action.id for objective in team.objectives for tactic in objective.tactics
        for action in tactic.actions}
    for k, kpi in enumerate(team.kpis):
        where = f"teams[{t}].kpis[{k}]"
        register(kpi.id, where)
        if kpi.from_objective is not None and kpi.from_objective not in objectives:
            raise refused("no_objective", "{where}: no objective has id {id}",
                          where=f"{where}.from_objective", id=repr(kpi.from_objective))
    for r, item in enumerate(team.roadmap):
        where = f"teams[{t}].roadmap[{r}]"
        register(item.id, where)
        for served in item.serves:
            if served not in objectives and served not in team_krs:
                raise refused("not_served", "{where}: {id} is not an objective or key result "
                              "of this team", where=f"{where}.serves", id=repr(served))
        if len(set(item.serves)) != len(item.serves):
            raise refused("served_twice", "{where}: an item is listed twice",
                          where=f"{where}.serves")
        if item.became is not None and item.became not in made:
            raise refused("no_tactic_or_action", "{where}: no tactic or action has id {id}",
                          where=f"{where}.became", id=repr(item.became))


def _check_reviews(objective: Objective, where: str) -> None:
    """Each review names one of the objective's decisions, once."""
    reviewed: set[str] = set()
    for r, review in enumerate(objective.reviews):
        if review.decision not in objective.decisions:
            raise refused("no_decision", "{where}: the objective has no decision {text}",
                          where=f"{where}.reviews[{r}].decision", text=repr(review.decision))
        if review.decision in reviewed:
            raise refused("reviewed_twice", "{where}: this decision is already reviewed",
                          where=f"{where}.reviews[{r}].decision")
        reviewed.add(review.decision)

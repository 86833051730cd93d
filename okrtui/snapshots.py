"""The states of a session that History keeps, sharing what did not change between them.

A step costs little more with fifty thousand ideas than with ten (a commit: 2 ms against
0.2 ms; it was a whole snapshot, ~95 ms). The long lists (each team's ideas and votes) are
kept in chunks of at most CHUNK items, each compressed once and shared by every step that
holds it unchanged. A commit serializes only the chunks whose items changed: a chunk is the
same when the list still holds the same objects at that place and none of them (nor a model
nested in them) was assigned to since (`models.watch_assignments`). An undo validates only
the chunks it does not share with the session as it is, and keeps the objects of the others.
The rest of the session (objectives, participants, the log…) is small and taken whole.
200 steps of a 50,000-idea session take ~1.3 MB (they took ~180 MB).

What this relies on: models are changed by assigning their fields, and a list nested in an
item (an idea's group members) is replaced, never changed in place. The team-level lists
(`team.ideas.append(…)`, `.remove`, `.insert`) may be changed in place.
"""

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from operator import is_
from typing import Any, get_args

from pydantic import BaseModel, TypeAdapter

from okrtui.models import Idea, Session, Team, Vote, watch_assignments

CHUNK = 256
"""Items in a chunk: a commit serializes one or two chunks, an undo validates them."""

_LISTS: dict[str, TypeAdapter[Any]] = {"ideas": TypeAdapter(list[Idea]),
                                       "votes": TypeAdapter(list[Vote])}
"""The fields of a Team kept in chunks, in the order they are written."""
_SKIPPED_BY_TEAM = set(_LISTS)


# Compressed pieces of JSON, joined into one zlib stream ---------------------------------------

_ADLER_BASE = 65521


@dataclass(frozen=True, eq=False)
class _Piece:
    """Some JSON text, compressed on its own (raw deflate, ended by a sync flush, so that
    pieces compressed apart can follow each other in one stream)."""

    data: bytes
    adler: int
    size: int

    @staticmethod
    def of(raw: bytes) -> "_Piece":
        compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
        data = compressor.compress(raw) + compressor.flush(zlib.Z_SYNC_FLUSH)
        return _Piece(data, zlib.adler32(raw), len(raw))

    def text(self) -> bytes:
        return zlib.decompressobj(-15).decompress(self.data)


def _adler_combine(first: int, second: int, second_size: int) -> int:
    """The Adler-32 of two texts one after the other, from theirs (zlib's adler32_combine)."""
    remainder = second_size % _ADLER_BASE
    sum1 = first & 0xFFFF
    sum2 = (remainder * sum1) % _ADLER_BASE
    sum1 += (second & 0xFFFF) + _ADLER_BASE - 1
    sum2 += (first >> 16) + (second >> 16) + _ADLER_BASE - remainder
    sum1 %= _ADLER_BASE
    sum2 %= _ADLER_BASE
    return sum1 | (sum2 << 16)


_ZLIB_HEADER = b"\x78\x01"
_ZLIB_END = zlib.compressobj(1, zlib.DEFLATED, -15).flush()  # an empty final block


def zlib_stream(pieces: Iterable[_Piece]) -> bytes:
    """One zlib stream of the pieces' texts in order (what zlib.decompress reads)."""
    adler, data = 1, [_ZLIB_HEADER]
    for piece in pieces:
        adler = _adler_combine(adler, piece.adler, piece.size)
        data.append(piece.data)
    data += [_ZLIB_END, adler.to_bytes(4, "big")]
    return b"".join(data)


_COMMA = _Piece.of(b",")
_OPEN_SESSION = _Piece.of(b'{"teams":[')
_OPEN_TEAM = _Piece.of(f'{{"{next(iter(_LISTS))}":['.encode())
_EMPTY_LISTS = "".join(f'"{name}":[],' for name in _LISTS).encode()
_NEXT_LIST = {name: _Piece.of(f'],"{name}":['.encode()) for name in list(_LISTS)[1:]}
_CLOSE_LIST = _Piece.of(b"],")
_CLOSE = _Piece.of(b"}")


# Snapshots ------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Chunk:
    """A run of items of one list, as compressed JSON ("{…},{…}")."""

    piece: _Piece
    count: int


@dataclass(eq=False)
class _Live:
    """The objects a chunk holds in the session as it is now, and the ids of every model in
    them: an assignment to any of these makes the chunk stale."""

    items: list[BaseModel]
    watched: frozenset[int]


@dataclass(eq=False)
class _TeamState:
    rest: _Piece
    """The team's JSON without the chunked lists, and without its braces."""
    lists: dict[str, list[_Chunk]]


@dataclass(eq=False)
class State:
    rest: _Piece
    """The session's JSON without its teams, and without its braces."""
    teams: list[_TeamState]

    def pieces(self) -> Iterator[_Piece]:
        yield _OPEN_SESSION
        for number, team in enumerate(self.teams):
            if number:
                yield _COMMA
            yield _OPEN_TEAM
            for list_number, name in enumerate(_LISTS):
                if list_number:
                    yield _NEXT_LIST[name]
                for chunk_number, chunk in enumerate(team.lists[name]):
                    if chunk_number:
                        yield _COMMA
                    yield chunk.piece
            yield _CLOSE_LIST
            yield team.rest
            yield _CLOSE
        yield _CLOSE_LIST
        yield self.rest
        yield _CLOSE


def _inner(model: BaseModel, exclude: set[str]) -> bytes:
    text = model.model_dump_json(exclude=exclude).encode("utf-8")
    assert len(text) > 2, "a session and a team always have fields of their own"
    return text[1:-1]


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(argument) for argument in get_args(annotation))


@cache
def _nested_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of cls that may hold models."""
    return tuple(name for name, info in cls.model_fields.items()
                 if _holds_models(info.annotation))


def _models_in(value: Any) -> Iterator[BaseModel]:
    """The models in value (a model, a list, anything), nested ones too."""
    if isinstance(value, BaseModel):
        yield value
        for name in _nested_fields(type(value)):
            yield from _models_in(getattr(value, name))
    elif isinstance(value, list):
        for element in value:
            yield from _models_in(element)


def _live(items: list[BaseModel]) -> _Live:
    watched = set(map(id, items))
    for name in _nested_fields(type(items[0])) if items else ():
        for item in items:
            if nested := getattr(item, name):
                watched.update(map(id, _models_in(nested)))
    return _Live(items, frozenset(watched))


class _Chunker:
    """Cuts one list into chunks, reusing those of the session as it was (`live`)."""

    def __init__(self, adapter: TypeAdapter[Any], live: dict[_Chunk, _Live],
                 starts: dict[int, _Chunk], touched: set[int]) -> None:
        self.adapter = adapter
        self.live = live
        self.starts = starts
        """The live chunks by the id of their first item."""
        self.touched = touched
        self.made: dict[_Chunk, _Live] = {}

    def _new(self, items: list[BaseModel]) -> list[_Chunk]:
        chunks = []
        for start in range(0, len(items), CHUNK):
            part = items[start:start + CHUNK]
            chunk = _Chunk(_Piece.of(self.adapter.dump_json(part)[1:-1]), len(part))
            self.made[chunk] = _live(part)
            chunks.append(chunk)
        return chunks

    def cut(self, items: list[BaseModel]) -> list[_Chunk]:
        """The chunks of items: the live ones still unchanged, new ones between."""
        starts = self.starts
        out: list[_Chunk] = []
        fresh: list[bool] = []  # made by this cut (so, cheap to make again with a neighbour)
        loose = 0  # the first item not in a chunk yet
        position, size = 0, len(items)
        while position < size:
            chunk = starts.get(id(items[position]))
            if chunk is not None:
                live = self.live[chunk]
                end = position + chunk.count
                if (end <= size and all(map(is_, live.items, items[position:end]))
                        and self.touched.isdisjoint(live.watched)):
                    if loose < position:
                        self._add(out, fresh, items, loose, position)
                    out.append(chunk)
                    fresh.append(False)
                    self.made[chunk] = live
                    position = loose = end
                    continue
            position += 1
        if loose < size:
            self._add(out, fresh, items, loose, size)
        return out

    def _add(self, out: list[_Chunk], fresh: list[bool], items: list[BaseModel],
             start: int, end: int) -> None:
        """New chunks for items[start:end]; a small chunk just before them is made again
        with them (appending one idea at a time must not leave chunks of one idea)."""
        if out and (fresh[-1] or out[-1].count < CHUNK // 2) and out[-1].count + end - start \
                <= CHUNK:
            merged = out.pop()
            fresh.pop()
            del self.made[merged]
            start -= merged.count
        for chunk in self._new(items[start:end]):
            out.append(chunk)
            fresh.append(True)


class Snapshots:
    """Makes states of one session, and puts them back, sharing what did not change."""

    def __init__(self) -> None:
        self.live: dict[_Chunk, _Live] = {}
        """The chunks of the state the session holds now, and their objects in it."""
        self.touched: set[int] = set()
        """Ids of the models assigned to since the session was last snapshotted or restored."""
        watch_assignments(self)

    def assigned(self, model: BaseModel) -> None:
        self.touched.add(id(model))

    def take(self, session: Session, keep: bool = True) -> State:
        """The state of session now. keep: it is the state the session holds from now on
        (a commit); otherwise (a look for the journal) nothing is remembered."""
        starts = {id(live.items[0]): chunk for chunk, live in self.live.items()}
        made: dict[_Chunk, _Live] = {}
        teams = []
        for team in session.teams:
            lists = {}
            for name, adapter in _LISTS.items():
                chunker = _Chunker(adapter, self.live, starts, self.touched)
                lists[name] = chunker.cut(getattr(team, name))
                made.update(chunker.made)
            teams.append(_TeamState(_Piece.of(_inner(team, _SKIPPED_BY_TEAM)), lists))
        state = State(_Piece.of(_inner(session, {"teams"})), teams)
        if keep:
            self._hold(made)
        return state

    def _hold(self, live: dict[_Chunk, _Live]) -> None:
        self.live = live
        self.touched = set()

    def restore(self, session: Session, state: State) -> None:
        """Put state's content into session, in place. The skeleton and the chunks the
        session does not hold unchanged are validated; the others keep their objects."""
        skeleton = [b'{"teams":[']
        for number, team_state in enumerate(state.teams):
            skeleton += [b"," if number else b"", b"{", _EMPTY_LISTS, team_state.rest.text(), b"}"]
        skeleton += [b"],", state.rest.text(), b"}"]
        restored = Session.model_validate_json(b"".join(skeleton))
        live: dict[_Chunk, _Live] = {}
        for team, team_state in zip(restored.teams, state.teams, strict=True):
            for name, adapter in _LISTS.items():
                items: list[BaseModel] = []
                for chunk in team_state.lists[name]:
                    held = self.live.get(chunk)
                    if held is None or not self.touched.isdisjoint(held.watched):
                        held = _live(adapter.validate_json(b"[" + chunk.piece.text() + b"]"))
                    live[chunk] = held
                    items.extend(held.items)
                _set(team, name, items)
        for name in Session.model_fields:
            object.__setattr__(session, name, getattr(restored, name))
        self._hold(live)


def _set(team: Team, name: str, items: list[BaseModel]) -> None:
    """Put a list of items already validated into a team (without validating it again: the
    whole session was valid when it was snapshotted)."""
    object.__setattr__(team, name, items)

"""What the room accepts, and how often: sizes, rates and counts, each with the HTTP status
that refuses it (413 too large, 429 too often, 503 the room is full)."""

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

TOO_LARGE = 413
TOO_MANY = 429
FULL = 503


@dataclass(frozen=True)
class Limits:
    body_bytes: int = 4096
    idea_chars: int = 280
    name_chars: int = 60
    posts_per_minute: int = 20
    """Ideas and dots from one participant."""
    joins_per_minute: int = 10
    """New participants from one network address."""
    participants: int = 200
    streams: int = 400
    """Open live connections (pages following the workshop), all pages together."""


class Refused(Exception):
    """A request the room does not take: its HTTP status and the catalog key saying why."""

    def __init__(self, status: int, reason: str, retry_after: int | None = None) -> None:
        super().__init__(f"{status} {reason}")
        self.status = status
        self.reason = reason
        self.retry_after = retry_after


class RateLimit:
    """At most `count` events per key in any `window` seconds. Forgets keys gone quiet, so
    that a flood of addresses cannot grow it past `max_keys`."""

    def __init__(self, count: int, window: float = 60.0, max_keys: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.count = count
        self.window = window
        self.max_keys = max_keys
        self.clock = clock
        self._events: dict[str, deque[float]] = {}

    def take(self, key: str, reason: str) -> None:
        """Count one event for key, or raise Refused(429) when it would be one too many."""
        now = self.clock()
        events = self._events.get(key)
        if events is None:
            if len(self._events) >= self.max_keys:
                self._forget_quiet(now)
            if len(self._events) >= self.max_keys:
                raise Refused(TOO_MANY, reason, retry_after=int(self.window))
            events = self._events[key] = deque()
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) >= self.count:
            raise Refused(TOO_MANY, reason, retry_after=max(1, int(events[0] + self.window - now)))
        events.append(now)

    def _forget_quiet(self, now: float) -> None:
        for key in [k for k, events in self._events.items()
                    if not events or events[-1] <= now - self.window]:
            del self._events[key]

"""The clock the services read. Tests inject a fixed one so they choose "today"."""

from __future__ import annotations

import datetime as dt


class Clock:
    """Wall clock in the workstation's local time zone (the office is in China)."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()

    def today(self) -> dt.date:
        return self.now().date()


class FixedClock(Clock):
    """A clock stuck at one moment, which a test can move."""

    def __init__(self, moment: dt.datetime | dt.date):
        self.set(moment)

    def set(self, moment: dt.datetime | dt.date) -> None:
        if not isinstance(moment, dt.datetime):
            moment = dt.datetime.combine(moment, dt.time(9, 0))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
        self._moment = moment

    def advance(self, **delta: float) -> None:
        self._moment += dt.timedelta(**delta)

    def now(self) -> dt.datetime:
        return self._moment


SYSTEM_CLOCK = Clock()

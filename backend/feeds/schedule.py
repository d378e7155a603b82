"""A feed's schedule: a five-field cron expression read in an IANA time zone (croniter and
zoneinfo), its next run times, and the same in words (cron-descriptor)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from cron_descriptor import FormatError, Options, get_description
from croniter import CroniterError, croniter  # type: ignore[import-untyped]

ALIASES = {
    "@hourly": "0 * * * *",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@weekly": "0 0 * * 0",
    "@monthly": "0 0 1 * *",
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
}
MAX_LENGTH = 255


class ScheduleError(ValueError):
    """The schedule or time zone cannot be used; `field` and `code` say which and why."""

    def __init__(self, field: str, message: str, code: str) -> None:
        super().__init__(message)
        self.field = field
        self.code = code


def clean_schedule(value: str | None) -> str:
    """The cron expression as stored ("" = manual only); raise ScheduleError when it is not
    a five-field cron expression."""
    text = " ".join((value or "").split())
    if not text:
        return ""
    text = ALIASES.get(text.lower(), text)
    if len(text) > MAX_LENGTH:
        raise ScheduleError(
            "schedule", f"A schedule is at most {MAX_LENGTH} characters.", "too_long"
        )
    fields = text.split(" ")
    if len(fields) != 5:
        raise ScheduleError(
            "schedule",
            f"{value!r} has {len(fields)} field{'s' if len(fields) != 1 else ''}; a schedule "
            "is a cron expression of five: minute hour day-of-month month day-of-week, for "
            'example "0 2 * * *" for every day at 02:00.',
            "invalid_cron",
        )
    if not croniter.is_valid(text):
        raise ScheduleError(
            "schedule",
            f"{value!r} is not a valid cron expression (minute 0-59, hour 0-23, day 1-31, "
            'month 1-12, day of week 0-6; for example "0 2 * * *").',
            "invalid_cron",
        )
    return text


def clean_time_zone(value: str | None) -> str:
    """The IANA time zone name as stored (default UTC); raise ScheduleError when unknown."""
    name = (value or "").strip() or "UTC"
    if name not in _zones():
        raise ScheduleError(
            "timeZone",
            f'Unknown time zone {name!r}; use an IANA name such as "Europe/Berlin", '
            '"America/New_York" or "UTC".',
            "unknown_time_zone",
        )
    return name


def _zones() -> set[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = set(available_timezones()) | {"UTC"}
    return _ZONES


_ZONES: set[str] | None = None


def next_runs(schedule: str, time_zone: str, after: datetime, count: int = 3) -> list[datetime]:
    """The next `count` run times strictly after `after`, in UTC ([] when manual only)."""
    if not schedule:
        return []
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    try:
        it = croniter(schedule, after.astimezone(zone))
        return [it.get_next(datetime).astimezone(UTC) for _ in range(count)]
    except (CroniterError, ValueError):
        return []


def next_run(schedule: str, time_zone: str, after: datetime) -> datetime | None:
    """The next run time after `after` (None when manual only)."""
    runs = next_runs(schedule, time_zone, after, 1)
    return runs[0] if runs else None


def describe(schedule: str, time_zone: str) -> str:
    """The schedule in words: "At 02:00, every day (Europe/Berlin)", or "Manual only"."""
    if not schedule:
        return "Manual only"
    options = Options()
    options.use_24hour_time_format = True
    options.verbose = True
    try:
        words = get_description(schedule, options)
    except (FormatError, ValueError, KeyError):
        words = schedule
    return f"{words} ({time_zone})"

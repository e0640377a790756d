"""Calendar arithmetic for resolving expressions: month shifts, nearest weekdays, year choice."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

PAST = "past"
FUTURE = "future"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) `months` calendar months after (year, month); negative goes back."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_date_by_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's length (Mar 31 - 1 = Feb 29)."""
    year, month = shift_months(day.year, day.month, months)
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def nearest_weekday(published: date, weekday: int, toward: str, strict: bool) -> date:
    """The `weekday` (0 = Monday) nearest `published` in direction `toward`.

    Not strict, the publication day itself counts ("on Tuesday" in a Tuesday paper is that
    day); strict, it doesn't ("last Tuesday" in a Tuesday paper is a week earlier).
    """
    if toward == PAST:
        back = (published.weekday() - weekday) % 7
        return published - timedelta(days=back or (7 if strict else 0))
    ahead = (weekday - published.weekday()) % 7
    return published + timedelta(days=ahead or (7 if strict else 0))


def nearest_month(published: date, month: int, toward: str, strict: bool) -> tuple[int, int]:
    """The (year, month) of the `month` nearest publication in direction `toward`.

    Not strict, the publication month itself counts ("in January" in a January paper is that
    January); strict, it doesn't ("last October" in an October paper is the year before).
    """
    if toward == PAST:
        year = published.year if month < published.month else published.year - 1
        if month == published.month and not strict:
            year = published.year
        return year, month
    year = published.year if month > published.month else published.year + 1
    if month == published.month and not strict:
        year = published.year
    return year, month


def nearest_day_of_year(published: date, month: int, day: int, toward: str) -> date | None:
    """The date `month`/`day` nearest publication in direction `toward`, publication day included.

    None if no year has that date within eight years (a 30 February); February 29 falls in
    the nearest leap year.
    """
    step = -1 if toward == PAST else 1
    for offset in range(0, 9):
        try:
            candidate = date(published.year + step * offset, month, day)
        except ValueError:
            continue
        if candidate <= published if toward == PAST else candidate >= published:
            return candidate
    return None


def finest_common(first: date, last: date) -> tuple[str | None, str]:
    """The finest calendar value containing every day from `first` to `last`, and its precision.

    A vague span ("a few days ago") is honest at month precision when all its readings fall
    in one month, at year precision when in one year, and unknown otherwise.
    """
    if first == last:
        return first.isoformat(), "day"
    if (first.year, first.month) == (last.year, last.month):
        return month_value(first.year, first.month), "month"
    if first.year == last.year:
        return f"{first.year:04d}", "year"
    return None, "unknown"


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def expand_two_digit_year(year: int, published: date | None) -> int:
    """A two-digit year in the century that puts it nearest publication (or 2000 without one)."""
    if year >= 100:
        return year
    anchor = published.year if published else 2000
    candidates = [century + year for century in (anchor // 100 * 100 - 100, anchor // 100 * 100,
                                                 anchor // 100 * 100 + 100)]
    return min(candidates, key=lambda c: abs(c - anchor))

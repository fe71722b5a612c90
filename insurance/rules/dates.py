"""Month arithmetic. Contributions are monthly, so most rules work on calendar months."""

import calendar
from datetime import date

from .text import DAY, MONTH, SHORT_DAY, Date


def month_start(day: date) -> date:
    """The first day of ``day``'s month: a contribution period is named by it."""
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months; a day past the new month's end becomes its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_label(day: date) -> Date:
    """``date(2023, 1, 5)`` -> "enero de 2023" ("January 2023")."""
    return Date(day, MONTH)


def format_day(day: date) -> Date:
    """``date(2027, 2, 1)`` -> "1 de febrero de 2027" ("1 February 2027")."""
    return Date(day, DAY)


def short_day(day: date) -> Date:
    """``date(2024, 1, 1)`` -> "01/01/2024"."""
    return Date(day, SHORT_DAY)

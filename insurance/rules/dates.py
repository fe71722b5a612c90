"""Month arithmetic. Contributions are monthly, so most rules work on calendar months."""

import calendar
from datetime import date

MONTH_NAMES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip


def month_start(day: date) -> date:
    """The first day of ``day``'s month: a contribution period is named by it."""
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months; a day past the new month's end becomes its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_label(day: date) -> str:
    """``date(2023, 1, 5)`` -> ``"enero de 2023"``."""
    return f"{MONTH_NAMES[day.month - 1]} de {day.year}"


def format_day(day: date) -> str:
    """``date(2027, 2, 1)`` -> ``"1 de febrero de 2027"``."""
    return f"{day.day} de {month_label(day)}"

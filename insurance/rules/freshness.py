"""How fresh the parameter data is: the entries whose source was not verified lately.

``manage.py figures --stale 90`` asks this with the site's clock; CI prints the answer.
"""

from datetime import date, timedelta

from .parameters import PARAMETER_NAMES, ParameterValue, parameter_history


def stale_entries(*, today: date, days: int) -> tuple[ParameterValue, ...]:
    """Every history entry, in file order, not verified in the ``days`` days up to ``today``
    (verified exactly ``days`` days ago still counts as fresh)."""
    if days < 0:
        raise ValueError("days must not be negative.")
    oldest_fresh = today - timedelta(days=days)
    return tuple(
        value
        for name in PARAMETER_NAMES
        for value in parameter_history(name)
        if value.checked < oldest_fresh
    )


def entry_record(value: ParameterValue, today: date) -> dict:
    """One entry for tooling (``figures --json``): plain strings and numbers."""
    return {
        "parameter": value.name,
        "from": value.start.isoformat(),
        "checked": value.checked.isoformat(),
        "days_since_checked": (today - value.checked).days,
        "source": str(value.source),
        "confidence": value.confidence.value,
    }

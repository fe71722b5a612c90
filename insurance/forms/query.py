"""The base of the calculator's forms. They read the query string, so every result is a GET
URL that can be bookmarked and shared. The rules check their inputs again;
``add_rules_error`` shows what they refuse beside the field they name, never a 500.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import QueryDict

from insurance import rules


class QueryForm(forms.Form):
    """A form read from the query string.

    Ids are the field names, so the error summary links to ``#monto``; the browser's own
    validation is off (no ``required`` attributes) so that every message is ours.

    A name given twice (``?regimen=regular&regimen=vida``) counts once, with its last value,
    unless the field takes several (a list of checkboxes). That is what a bound form reads
    anyway (``QueryDict.get``), so the form shown, the answer computed and the links carried
    on agree; a 400 would break a link for no one's benefit. ``prefill`` fills the form
    without judging it (a "change" link), the same way.
    """

    use_required_attribute = False

    def __init__(self, data=None, *, prefill: QueryDict | None = None, only=None, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        if only is not None:
            # Django deep-copies every declared field for each form; a form that asks only
            # some of them (a regime's inputs) copies only those: a tenth of a result's time.
            self.base_fields = {
                name: field for name, field in type(self).base_fields.items() if name in only
            }
        super().__init__(data, **kwargs)
        if prefill is not None:
            self.initial = {**self.initial, **self.values_in(prefill)}

    def values_in(self, query) -> dict[str, str | list[str]]:
        """This form's values in ``query``: the last one given, or all for a multiple field."""
        values = {}
        for name, field in self.fields.items():
            given = query.getlist(name) if hasattr(query, "getlist") else query.get(name)
            if given in (None, []):
                continue
            if isinstance(given, list) and not isinstance(field, forms.MultipleChoiceField):
                given = given[-1]
            values[name] = given
        return values

    @property
    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary; radio groups link to their first option."""
        links = [("", message) for message in self.non_field_errors()]
        for field in self:
            if field.name in self.errors and field.name != NON_FIELD_ERRORS:
                anchor = "" if field.is_hidden else field.id_for_label or f"{field.auto_id}_0"
                links.extend((anchor, message) for message in field.errors)
        return links

    @property
    def query_items(self) -> list[tuple[str, str]]:
        """This form's fields as read (name, value), to carry them to the next step."""
        items = []
        for name, value in self.values_in(self.data).items():
            values = value if isinstance(value, list) else [value]
            items.extend((name, item) for item in values if item != "")
        return items

    def query_string(self) -> str:
        """This form's fields as typed, for a "change" link that keeps the inputs."""
        query = QueryDict(mutable=True)
        for name, value in self.query_items:
            query.appendlist(name, value)
        return query.urlencode()

    def add_rules_error(self, error: rules.RulesError, *, period_field: str = "periodo") -> None:
        """Show what the rules refused beside the field they name."""
        if isinstance(error, rules.PeriodNotCovered):
            field = period_field
        else:
            field = getattr(error, "field", None)
        self.add_error(field if field in self.fields else None, error.message)

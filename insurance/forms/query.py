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
    """

    use_required_attribute = False

    def __init__(self, data=None, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(data, **kwargs)

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
        """This form's fields as typed (name, value), to carry them to the next step."""
        items = []
        for name in self.fields:
            if hasattr(self.data, "getlist"):
                values = self.data.getlist(name)
            else:
                values = [self.data[name]] if name in self.data else []
            items.extend((name, value) for value in values if value != "")
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

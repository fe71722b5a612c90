"""``{% to_confirm value %}``: the "por confirmar" mark, printed right after a figure.

``value`` is a rules ParameterValue or Step (marked when to confirm), a Contribution (when a
value it used is to confirm, or another reading would change it) or an UncertainEnd;
``checked`` is the day the value was last checked. ``short=True`` leaves that day out where
it is given close by (a narrow table cell).

A tag rather than an include: it sits beside every figure of a result, and an include there
cost a calculator result a fifth of its rendering (issue 15).
"""

from django import template
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def to_confirm(value, short=False):
    if not (getattr(value, "to_confirm", None) or getattr(value, "alternatives", None)):
        return ""
    checked = getattr(value, "checked", None)
    if checked and not short:
        text = gettext("por confirmar (revisado el %(checked)s)") % {
            "checked": format_date(checked, "d/m/Y")
        }
    else:
        text = gettext("por confirmar")
    return format_html(' <span class="confirm">{}</span>', text)

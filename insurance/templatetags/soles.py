from decimal import Decimal, InvalidOperation

from django import template

from insurance.rules import format_soles

register = template.Library()


@register.filter
def soles(amount):
    """Money the Peruvian way, S/ 1,025.00, from the rules module's one formatter."""
    if amount is None or amount == "":
        return ""
    try:
        return format_soles(Decimal(str(amount)))
    except InvalidOperation:
        return ""

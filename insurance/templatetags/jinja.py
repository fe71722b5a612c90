"""``{% jinja "name.html" name=value ... %}``: a Jinja2 template (``templates/jinja2/``)
rendered with this page's context and the values given, for the hot result pages whose
content is Jinja2 and the pieces they share with other pages (tramitit/jinja.py)."""

from django import template
from django.template import engines
from markupsafe import Markup

register = template.Library()


@register.simple_tag(takes_context=True)
def jinja(context, name, **values):
    page = engines["jinja2"].env.get_template(name)
    return Markup(page.render({**context.flatten(), **values}))

"""Django's side of the Jinja2 templates (tramitit/jinja.py, docs/adr/0008-jinja-for-results.md).

- ``{% jinja "name.html" name=value ... %}``: a Jinja2 template (``templates/jinja2/``)
  rendered with this page's context and the values given: the pieces Django pages share
  with the Jinja2 result pages;
- ``{% frame "base.html" %}{% block title %}{% endblock %}...{% endframe %}``: the Jinja2
  page frame around a Django page, given the blocks the page filled (templates/base.html).
"""

from django import template
from django.template import engines
from django.template.loader_tags import BlockNode
from markupsafe import Markup

register = template.Library()


def _render(name: str, context: dict) -> Markup:
    return Markup(engines["jinja2"].env.get_template(name).render(context))


@register.simple_tag(takes_context=True)
def jinja(context, name, **values):
    return _render(name, {**context.flatten(), **values})


class FrameNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        # Each block as the page filled it (a BlockNode renders the child's override).
        blocks = {
            node.name: Markup(node.render(context))
            for node in self.nodelist
            if isinstance(node, BlockNode)
        }
        return _render(self.name.resolve(context), {**context.flatten(), "blocks": blocks})


@register.tag
def frame(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% frame %} takes the frame's template name")
    nodelist = parser.parse(("endframe",))
    parser.delete_first_token()
    return FrameNode(parser.compile_filter(bits[1]), nodelist)

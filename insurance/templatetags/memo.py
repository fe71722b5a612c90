"""``{% memo %}``: a fragment rendered once per process for each language and set of values.

Most of a calculator result or a wizard outcome is the same for everyone who asks in the
same language: the header, the footer, the breadcrumbs, the figures in force in a month.
Django renders every node of them again for each new answer (issue 15: about half of a
result's time), so a fragment whose output depends only on the language and on the values
it names is kept by its node, in the compiled template the cached loader holds::

    {% load memo %}{% memo nav_current %}<header>...</header>{% endmemo %}

Name every variable the fragment reads; the output-identity test
(tests/tramitit/test_fragments.py) renders pages cold and warm to catch one left out. A
node keeps at most ``LIMIT`` versions, then renders without keeping, so values drawn from
the content (the figures of a month) cannot grow it without bound.
"""

from django import template
from django.utils.translation import get_language

register = template.Library()

LIMIT = 512
# Off only in the output-identity test, which renders every page both ways.
ENABLED = True


class MemoNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values
        self.kept = {}

    def render(self, context):
        if not ENABLED:
            return self.nodelist.render(context)
        key = (get_language(), *(value.resolve(context) for value in self.values))
        try:
            return self.kept[key]
        except KeyError:
            pass
        except TypeError:  # a value that cannot be a key: never kept
            return self.nodelist.render(context)
        output = self.nodelist.render(context)
        if len(self.kept) < LIMIT:
            self.kept[key] = output
        return output


@register.tag
def memo(parser, token):
    values = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    return MemoNode(nodelist, values)

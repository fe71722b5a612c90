"""The Jinja2 helpers print what Django's tags print (ADR 8): escaping, placeholders, links
and missing values, in both languages."""

import pytest
from django.template import engines
from django.utils import translation
from markupsafe import Markup

from tramitit import jinja as jinja_env
from tramitit.jinja import capfirst, fill
from tramitit.links import reverse_cached


def jinja(source, **context):
    return engines["jinja2"].from_string(source).render(context)


def django(source, **context):
    return engines["django"].from_string(source).render(context)


def test_fill_keeps_the_translations_markup_and_escapes_the_values():
    assert fill("<strong>%(x)s</strong>", x="<i>&") == "<strong>&lt;i&gt;&amp;</strong>"
    assert fill("9%% de %(x)s", x="la RMV") == "9% de la RMV"
    assert fill("<em>sin valores</em>") == "<em>sin valores</em>"


def test_a_translation_prints_as_translate_prints_a_literal():
    # Django trusts a literal's translation (ours, from the catalogue) and does not escape it.
    assert jinja('{{ _("a < b & c") }}') == django('{% load i18n %}{% translate "a < b & c" %}')
    assert jinja('<a title="{{ _("Inicio") }}">') == '<a title="Inicio">'


def test_a_filled_translation_is_blocktranslate():
    value = "<b>"
    assert jinja('{{ _("Aporte de %(month)s")|fill(month=value) }}', value=value) == django(
        "{% load i18n %}{% blocktranslate with month=value %}Aporte de {{ month }}"
        "{% endblocktranslate %}",
        value=value,
    )


def test_translations_follow_the_active_language():
    with translation.override("en"):
        assert jinja('{{ _("Inicio") }}') == "Home"
    with translation.override("es"):
        assert jinja('{{ _("Inicio") }}') == "Inicio"


def test_capfirst_keeps_markup_safe():
    assert capfirst(Markup("c&amp;d")) == Markup("C&amp;d")
    assert isinstance(capfirst(Markup("x")), Markup)
    assert jinja("{{ items|join(', ')|capfirst }}", items=["a&b", "c"]) == "A&amp;b, c"
    assert capfirst("") == ""


def test_a_missing_value_prints_nothing_even_dotted():
    assert jinja("[{{ nothing }}|{{ nothing.at.all }}]") == "[|]"


@pytest.mark.parametrize("language,prefix", [("es", ""), ("en", "/en")])
def test_cached_links_are_kept_per_language(language, prefix):
    with translation.override(language):
        assert reverse_cached("insurance:plan_detail", "regular") == f"{prefix}/seguros/regular/"
        assert jinja("{{ url('insurance:calculator') }}") == f"{prefix}/calculadora/"


def test_the_jinja_tag_renders_with_the_page_context_and_its_arguments():
    page = django('{% load jinja %}{% jinja "insurance/calculator/_tools.html" tool="latency" %}')
    assert 'href="/calculadora/latencia/" aria-current="page"' in page
    assert page.count('aria-current="page"') == 1


def test_static_files_are_linked_as_the_static_tag_links_them():
    assert jinja("{{ static('css/site.css') }}") == django(
        "{% load static %}{% static 'css/site.css' %}"
    )


def test_a_render_keeps_the_language_it_started_in_and_the_next_takes_the_new_one():
    template = engines["jinja2"].from_string("{{ _('Inicio') }} {{ url('insurance:home') }}")
    with translation.override("en"):
        assert template.render() == "Home /en/"
    with translation.override("es"):
        assert template.render() == "Inicio /"


@pytest.mark.django_db
def test_a_django_page_fills_the_jinja_frame_with_its_blocks(client):
    page = client.get("/seguros/").content.decode()
    assert "<title>Los cinco seguros de EsSalud · Tramitit Salud</title>" in page
    assert 'href="/static/css/home.' in page  # its styles block
    assert page.count('class="site-header"') == 1 and page.count('class="site-footer"') == 1


def test_a_page_that_fills_no_title_gets_the_sites():
    page = django('{% extends "base.html" %}{% block content %}<p>x</p>{% endblock %}')
    assert "<title>Tramitit Salud: tu camino a EsSalud</title>" in page
    assert '<main id="contenido" tabindex="-1">\n    <p>x</p>' in page


def test_a_kept_piece_is_rendered_once_per_language_and_values(monkeypatch):
    environment = engines["jinja2"].env
    jinja_env._kept.cache_clear()
    renders = []
    real = environment.get_template

    def counted(name, *args, **kwargs):
        renders.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(environment, "get_template", counted)
    piece = "{{ kept('includes/_json_twin.html', json_url=link) }}"
    template = engines["jinja2"].from_string(piece)
    first = template.render({"link": "/api/v1/x"})
    assert template.render({"link": "/api/v1/x"}) == first and len(renders) == 1
    assert "/api/v1/y" in template.render({"link": "/api/v1/y"}) and len(renders) == 2
    with translation.override("en"):
        assert template.render({"link": "/api/v1/x"}) != first and len(renders) == 3
    # A value that cannot be a key is rendered each time, never kept.
    engines["jinja2"].from_string("{{ kept('includes/_json_twin.html', json_url=[1]) }}").render()
    assert len(renders) == 4


def test_a_day_is_written_in_the_language_of_the_page():
    import datetime

    from django.template import defaultfilters

    page = engines["jinja2"].from_string('{{ day|date("DATE_FORMAT") }}')
    day = datetime.date(2026, 5, 1)
    jinja_env._written.cache_clear()
    assert page.render({"day": day}) == "1 de mayo de 2026"
    with translation.override("en"):
        assert page.render({"day": day}) == "1 May 2026"
    assert page.render({"day": day}) == "1 de mayo de 2026"
    assert jinja_env._written.cache_info().currsize == 2
    # A time is Django's filter's each time (it may depend on the time zone), never kept.
    moment = datetime.datetime(2026, 5, 1, 3, 0, tzinfo=datetime.UTC)
    assert page.render({"day": moment}) == defaultfilters.date(moment, "DATE_FORMAT")
    assert jinja_env._written.cache_info().currsize == 2

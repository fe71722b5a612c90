import pytest
from django.utils import translation

from insurance.text import inline_to_html, plain_to_html

CASES = [
    ("Uno.\n\nDos.", "<p>Uno.</p>\n<p>Dos.</p>"),
    ("Lista:\n- a\n- b", "<p>Lista:</p>\n<ul><li>a</li><li>b</li></ul>"),
    ("- a\nsigue", "<ul><li>a</li></ul>\n<p>sigue</p>"),
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "html"), CASES)
def test_plain_text_becomes_safe_html(text, html):
    assert plain_to_html(text) == html


def test_bare_addresses_become_links_and_quotes_stay_escaped():
    html = plain_to_html('Ve a https://dondemeatiendo.essalud.gob.pe/#/consulta "ya"')
    assert '<a href="https://dondemeatiendo.essalud.gob.pe/#/consulta">' in html
    assert "&quot;ya&quot;" in html


LINK_CASES = [
    # readable words for an official address, a path of the site and a fragment
    (
        "[Consulta tu centro en ¿Dónde me atiendo?](https://dondemeatiendo.essalud.gob.pe/#/consulta)",
        '<p><a href="https://dondemeatiendo.essalud.gob.pe/#/consulta">'
        "Consulta tu centro en ¿Dónde me atiendo?</a></p>",
    ),
    ("Ver [el Regular](/seguros/regular/#aportes).",
     '<p>Ver <a href="/seguros/regular/#aportes">el Regular</a>.</p>'),
    ("[abajo](#aportes)", '<p><a href="#aportes">abajo</a></p>'),
    # anything else stays text: no other scheme, no address of another site
    ("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>"),
    ("[x](//malo.example/)", "<p>[x](//malo.example/)</p>"),
    ("[<b>x</b>](#a)", '<p><a href="#a">&lt;b&gt;x&lt;/b&gt;</a></p>'),
]  # fmt: skip


@pytest.mark.parametrize(("text", "html"), LINK_CASES)
def test_links_with_readable_words(text, html):
    assert plain_to_html(text) == html


SECTIONS = {"11": "#registro", "1.4": "#dos-tipos", "3": "#tres", "4": "#cuatro"}
SECTION_CASES = [
    ("Su empleador (sección 11).", 'Su empleador (<a href="#registro">sección 11</a>).'),
    ("Ver la sección 1.4.", 'Ver la <a href="#dos-tipos">sección 1.4</a>.'),
    ("secciones 3 y 4", 'secciones <a href="#tres">3</a> y <a href="#cuatro">4</a>'),
    ("sección 99", "sección 99"),  # no such section: no link
    ("11 meses", "11 meses"),  # a number alone is not a reference
    ("Your employer (section 11).", 'Your employer (<a href="#registro">section 11</a>).'),
    ("See Section 1.4.", 'See <a href="#dos-tipos">Section 1.4</a>.'),
    ("sections 3 and 4", 'sections <a href="#tres">3</a> and <a href="#cuatro">4</a>'),
    ("sections 3, 4 and 99", 'sections <a href="#tres">3</a>, <a href="#cuatro">4</a> and 99'),
    ("11 months", "11 months"),
]


@pytest.mark.parametrize(("text", "html"), SECTION_CASES)
def test_section_references_link_to_the_section(text, html):
    assert inline_to_html(text, SECTIONS) == html


def test_section_references_stay_text_without_the_page_sections():
    assert inline_to_html("Su empleador (sección 11).") == "Su empleador (sección 11)."


ENGLISH_MARKS = [
    ("A copy of the deed (escritura pública).",
     'A copy of the deed (<span lang="es">escritura pública</span>).'),
    ("In Spanish it reads: «La trabajadora agraria».",
     'In Spanish it reads: «<span lang="es">La trabajadora agraria</span>».'),
    ("Your dependants (derechohabientes) and a partner (concubino/a).",
     'Your dependants (<span lang="es">derechohabientes</span>) and a partner '
     '(<span lang="es">concubino/a</span>).'),
    ("No Spanish here.", "No Spanish here."),
]  # fmt: skip


@pytest.mark.parametrize(("text", "html"), ENGLISH_MARKS)
def test_spanish_terms_and_quotes_are_marked_on_english_pages(text, html):
    with translation.override("en"):
        assert inline_to_html(text) == html
    with translation.override("es"):
        assert inline_to_html(text) == text  # a Spanish page is all Spanish already

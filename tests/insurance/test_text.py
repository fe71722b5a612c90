import pytest

from insurance.text import plain_to_html

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

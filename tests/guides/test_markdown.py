"""Rendering and sanitising guide markdown: what survives, what never does."""

from html.parser import HTMLParser

import pytest

from guides.markdown import PROVIDERS_MARK, render_guide
from guides.sanitize import sanitize_html

# Each payload must render without any way to run script or load a foreign document.
XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<a href="javascript:alert(1)">enlace</a>',
    "[enlace](javascript:alert(1))",
    "[enlace](JaVaScRiPt:alert(1))",
    "[enlace](  javascript:alert(1))",
    "[enlace](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[enlace](vbscript:msgbox(1))",
    "![imagen](javascript:alert(1))",
    "![imagen](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '[enlace](https://ejemplo.pe "titulo" onclick="alert(1)")',
    "<a href='https://ejemplo.pe' onclick='alert(1)'>x</a>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>body{display:none}</style>",
    '<form action="https://evil.example"><input name="x"></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<!--<script>alert(1)</script>-->",
    '<details open ontoggle="alert(1)">x</details>',
    '<p onmouseover="alert(1)">texto</p>',
    "```\n<script>alert(1)</script>\n```",
    "`<script>alert(1)</script>`",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<scr<script>ipt>alert(1)</script>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    "[x](&#106;avascript:alert(1))",
    '<video><source onerror="alert(1)"></video>',
    "<template><script>alert(1)</script></template>",
    "## Título <script>alert(1)</script>",
    "| a | b |\n| - | - |\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |",
]

SAFE_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead",
    "tbody", "tr", "th", "td", "a", "strong", "em", "b", "i", "del", "sub", "sup", "abbr",
    "code", "pre", "blockquote",
}  # fmt: skip
SAFE_URL = ("https://", "http://", "/", "#", "mailto:", "tel:")


class Elements(HTMLParser):
    """Every real element and attribute of a fragment (text that looks like HTML is not)."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_inert(html):
    for tag, attrs in Elements(html).elements:
        assert tag in SAFE_TAGS, html
        for name, value in attrs.items():
            assert not name.startswith("on"), html
            assert name not in {"style", "src", "srcdoc", "action", "formaction", "xlink:href"}
            if name == "href":
                assert value.strip().lower().startswith(SAFE_URL), html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payloads_render_inert(payload):
    assert_inert(render_guide(f"## Sección\n\n{payload}\n\nFin.\n").html)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_the_sanitizer_alone_neutralises_raw_html(payload):
    html = sanitize_html(payload)
    assert_inert(html)
    assert "alert(1)</script>" not in html or "<script" not in html


def test_raw_html_is_shown_as_text_not_markup():
    html = render_guide("Hola <b>mundo</b> y <script>x()</script>\n").html
    assert "&lt;b&gt;mundo&lt;/b&gt;" in html
    assert "<b>" not in html


def test_markdown_features_survive():
    text = (
        "## Requisitos\n\n### Detalle\n\n"
        "- uno\n- **dos**\n\n1. primero\n2. *segundo*\n\n"
        "| Edad | Aporte |\n| --- | --- |\n| 0 a 17 | S/ 137.00 |\n\n"
        "[EsSalud](https://www.essalud.gob.pe) y [plan](/seguros/regular/#conyuge), "
        "`código`, <https://dondemeatiendo.essalud.gob.pe/#/consulta>\n\n"
        "```\nbloque\n```\n\n> cita\n"
    )
    html = render_guide(text).html
    for fragment in [
        '<h2 id="requisitos">Requisitos</h2>',
        '<h3 id="detalle">Detalle</h3>',
        "<li><strong>dos</strong></li>",
        "<ol>",
        "<em>segundo</em>",
        "<table>",
        "<th>Edad</th>",
        "<td>S/ 137.00</td>",
        '<a href="https://www.essalud.gob.pe" rel="noopener">EsSalud</a>',
        '<a href="/seguros/regular/#conyuge" rel="noopener">plan</a>',
        "<code>código</code>",
        'href="https://dondemeatiendo.essalud.gob.pe/#/consulta"',
        "<pre><code>bloque\n</code></pre>",
        "<blockquote>",
    ]:
        assert fragment in html, fragment


def test_providers_section_is_cut_out_and_its_table_dropped(seed_path):
    body = seed_path.read_text(encoding="utf-8").split("---", 2)[2]
    rendered = render_guide(body)
    before, intro, after = rendered.html.split(PROVIDERS_MARK)
    assert 'id="documentos-requeridos"' in before
    assert "Actualmente estamos recopilando" in intro
    assert "<table" not in intro
    assert "Proveedores que pueden hacerlo por ti" not in rendered.html
    assert 'id="detalles-adicionales"' in after


def test_a_body_without_providers_section_has_no_mark():
    assert PROVIDERS_MARK not in render_guide("## Hola\n\nTexto.\n").html


def test_steps_and_documents_are_collected_as_plain_text():
    rendered = render_guide(
        "## Procedimiento\n\n1. Ve a la [OSPE](/x/) con tu **DNI**.\n2. Paga.\n"
        "   Sigue aquí.\n\n## Documentos requeridos\n\n- Formulario 1010.\n- DNI.\n\n"
        "## Otra cosa\n\n- no es un paso\n"
    )
    assert rendered.steps == ["Ve a la OSPE con tu DNI.", "Paga. Sigue aquí."]
    assert rendered.supplies == ["Formulario 1010.", "DNI."]


def test_empty_body_renders_empty():
    assert render_guide("").html == ""

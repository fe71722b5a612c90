"""The English edition (issue 11): every public page answers under /en/, none shows a sentence
of the catalogues left in Spanish, and both languages give the same figures, plans and papers.

The scanner reads the English catalogues themselves: every msgid that has an English
translation different from it is Spanish an English page must not show. Short msgids
("Seguros", "Continuar") are looked for as a whole text or attribute; longer ones (three
words or more) anywhere in the page's text, so a sentence cannot hide inside a paragraph.
A fragment that also occurs in the English text (a name kept in Spanish, "No", "Total") is
not Spanish evidence, and neither is anything inside an element marked ``lang="es"`` (the
language switch, an official name, a guide shown in Spanish with its mark).
"""

import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest
from babel.messages.pofile import read_po
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

from guides.models import Guide
from insurance import wizard
from insurance.checklists import load_flow
from insurance.models import Plan
from insurance.rules import MatchCode

from ..insurance.checklist_cases import CASES as CHECKLIST_CASES
from ..insurance.personas import ON, PERSONAS
from ..insurance.test_calculator_views import CASES as CALCULATOR_CASES
from ..insurance.test_calculator_views import COVERAGE_CASES, REGULAR
from .test_indexing import INDEXABLE, NOINDEX

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rules_date")]

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = [ROOT / "locale", ROOT / "insurance" / "locale", ROOT / "guides" / "locale"]
# What splits a msgid into the literal words a page shows: placeholders, tags, entities.
NOT_WORDS = re.compile(r"%\(\w+\)[sdf]|%[sd]|\{\w*\}|<[^>]*>|&\w+;")
EDGE = " .,:;()¿?¡!«»“”\"'-–—·/"
MIN_WORDS_ANYWHERE = 3
ATTRIBUTES = {"title", "aria-label", "alt", "placeholder"}
META = {"description", "og:title", "og:description"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
MONEY = re.compile(r"S/\s?[\d,]+(?:\.\d+)?")
WIZARD = "/que-seguro-me-corresponde/"


@pytest.fixture
def rules_date():
    with override_settings(RULES_DATE=ON):
        yield


def english(path: str) -> str:
    return path if path.startswith("/en/") else "/en" + path


# --- What is Spanish ----------------------------------------------------------------------


def _entries():
    for folder in CATALOGUES:
        with (folder / "en" / "LC_MESSAGES" / "django.po").open("rb") as source:
            for message in read_po(source):
                if message.id and message.string:
                    ids = message.id if isinstance(message.id, tuple) else (message.id,)
                    strings = (
                        message.string if isinstance(message.string, tuple) else (message.string,)
                    )
                    yield ids, strings


def _clean(words: str) -> str:
    return " ".join(unescape(words).split()).strip(EDGE)


@lru_cache(maxsize=1)
def spanish() -> tuple[frozenset[str], frozenset[str]]:
    """(short fragments seen only as a whole text, long ones looked for anywhere)."""
    entries = list(_entries())
    english_text = "\n".join(
        _clean(piece) for _ids, strings in entries for s in strings for piece in NOT_WORDS.split(s)
    )
    whole, anywhere = set(), set()
    for ids, strings in entries:
        if ids == strings:
            continue
        for msgid in ids:
            for piece in map(_clean, NOT_WORDS.split(msgid)):
                if not re.search(r"[^\W\d_]{2}", piece) or piece in english_text:
                    continue
                (anywhere if len(piece.split()) >= MIN_WORDS_ANYWHERE else whole).add(piece)
    return frozenset(whole), frozenset(anywhere)


class PageWords(HTMLParser):
    """The text and the labelling attributes of a page, without scripts, styles or what is
    marked as Spanish."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, inside Spanish)
        self.texts: list[str] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        spanish_here = self.skipping or attrs.get("lang") == "es" or tag in ("script", "style")
        if not spanish_here:
            self.texts += [attrs[a] for a in ATTRIBUTES if attrs.get(a)]
            if tag == "meta" and (attrs.get("name") or attrs.get("property")) in META:
                self.texts.append(attrs.get("content") or "")
        if tag not in VOID:
            self.stack.append((tag, spanish_here))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(data)


def spanish_on(html: str) -> list[str]:
    parser = PageWords()
    parser.feed(html)
    texts = [_clean(text) for text in parser.texts]
    page = " ".join(" ".join(parser.texts).split())
    whole, anywhere = spanish()
    found = {text for text in texts if text in whole}
    found |= {piece for piece in anywhere if piece in page}
    return sorted(found)


def assert_english(client, path: str, statuses=(200,)):
    response = client.get(path)
    assert response.status_code in statuses, (path, response.status_code)
    html = response.content.decode()
    assert '<html lang="en">' in html, path
    assert spanish_on(html) == [], path


def test_the_catalogues_translate_every_msgid():
    missing = [ids[0] for ids, strings in _entries() if not all(strings)]
    assert missing == []
    assert len(spanish()[1]) > 500  # the scanner has something to look for


def test_the_scanner_finds_the_spanish_pages_spanish(client):
    """A Spanish page passed off as English: the scanner sees the catalogues' own words."""
    for path in ("/", "/calculadora/resultado/?regimen=regular&periodo=2025-06&monto=3000"):
        html = client.get(path).content.decode().replace('<html lang="es">', '<html lang="en">')
        assert len(spanish_on(html)) >= 10, path


def test_the_scanner_finds_spanish_left_on_a_page():
    whole, anywhere = spanish()
    sentence, word = sorted(anywhere)[0], sorted(whole)[0]
    assert spanish_on(f"<p>Text. <b>{sentence}</b> more.</p>") == [sentence]
    assert spanish_on(f'<button aria-label="{word}">x</button>') == [word]
    assert spanish_on(f'<p lang="es">{sentence}</p><a lang="es">{word}</a>') == []


# --- Every page in English --------------------------------------------------------------


def _checklist_urls():
    """Every outcome of every plan's builder, and each question on the way to it."""
    urls = set()
    for plan in Plan.objects.exclude(slug="vida"):
        flow = load_flow(plan)
        for outcome in flow.outcomes():
            url = flow.url(outcome.answers)
            urls.add(url)
            while "&" in url:
                url = url.rsplit("&", 1)[0]
                urls.add(url)
    return sorted(urls)


def _route_to(question_id):
    from ..insurance.test_wizard_views import route_to

    return route_to(question_id)


@pytest.mark.parametrize(
    "path", [english(row[1]) for row in INDEXABLE], ids=[row[0] for row in INDEXABLE]
)
def test_every_kind_of_page_is_in_english(client, path):
    assert_english(client, path)


@pytest.mark.parametrize(
    ("path", "status"), [(english(r[1]), r[2]) for r in NOINDEX], ids=[r[0] for r in NOINDEX]
)
def test_every_error_page_is_in_english(client, path, status):
    assert_english(client, path, statuses=(status,))


def test_the_server_error_page_is_in_english():
    with translation.override("en"):
        html = render_to_string("500.html")
    assert spanish_on(html) == []


def test_every_plan_page_is_in_english(client):
    slugs = list(Plan.objects.values_list("slug", flat=True))
    assert len(slugs) == 5
    for slug in slugs:
        assert_english(client, f"/en/seguros/{slug}/")


def test_every_checklist_question_and_case_is_in_english(client):
    urls = _checklist_urls()
    assert len(urls) > 100
    for url in urls:
        assert_english(client, english(url), statuses=(200, 400))


def test_every_wizard_question_and_outcome_is_in_english(client):
    for question in wizard.QUESTIONS:
        assert_english(client, english(wizard.question_url(question, _route_to(question.id))))
    seen = set()
    for persona in PERSONAS:
        query = urlencode(list(_items(persona.answers)))
        assert_english(client, f"/en{WIZARD}revisar/?{query}")
        assert_english(client, f"/en{WIZARD}resultado/?{query}")
        seen |= set(persona.expected)
    assert seen == set(MatchCode)


def test_every_calculator_regime_and_estimator_is_in_english(client):
    for query, _payable, _amount in CALCULATOR_CASES:
        assert_english(client, "/en/calculadora/?" + urlencode({"regimen": query["regimen"]}))
        assert_english(client, "/en/calculadora/resultado/?" + urlencode(query))
    for months, _covered in COVERAGE_CASES:
        query = urlencode(REGULAR | {"aportes": months}, True)
        assert_english(client, "/en/calculadora/carencia/meses/?" + query)
        assert_english(client, "/en/calculadora/carencia/resultado/?" + query)
    for plan in ("potestativo", "agrario"):
        assert_english(client, "/en/calculadora/carencia/?plan=" + plan)
    for contributions in ("3", "12", "36"):
        assert_english(client, "/en/calculadora/latencia/resultado/?aportes=" + contributions)


def test_every_guide_and_search_is_in_english(client):
    guides = Guide.objects.in_language("en").filter(draft=False)
    assert guides.count() >= 7
    for guide in guides:
        with translation.override("en"):
            path = guide.get_absolute_url()
        assert_english(client, path)
        assert_english(client, path + "sugerir-proveedor/")
    for query in ("enrol", "spouse", "afiliar", "zzzz"):
        assert_english(client, "/en/guias/?" + urlencode({"q": query}))


# --- Same figures, plans and papers in both languages -----------------------------------


def _items(answers):
    for key, value in answers.items():
        for item in value if isinstance(value, list) else [value]:
            yield key, item


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _both(client, path):
    spanish_page, english_page = client.get(path), client.get("/en" + path)
    assert spanish_page.status_code == english_page.status_code == 200, path
    return spanish_page, english_page


@pytest.mark.parametrize(
    "query", [c[0] for c in CALCULATOR_CASES], ids=[str(i) for i in range(len(CALCULATOR_CASES))]
)
def test_the_calculator_gives_the_same_figures_in_both_languages(client, query):
    es, en = _both(client, "/calculadora/resultado/?" + urlencode(query))
    assert es.context["result"].payable == en.context["result"].payable
    assert MONEY.findall(_main(es)) == MONEY.findall(_main(en))


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
def test_the_wizard_gives_the_same_plans_in_both_languages(client, persona):
    es, en = _both(client, f"{WIZARD}resultado/?" + urlencode(list(_items(persona.answers))))
    statuses = [
        {e["match"].code: e["match"].status for e in r.context["entries"]} for r in (es, en)
    ]
    assert statuses[0] == statuses[1] == persona.expected
    assert MONEY.findall(_main(es)) == MONEY.findall(_main(en))


@pytest.mark.parametrize(("slug", "answers", "expected"), CHECKLIST_CASES)
def test_a_checklist_has_the_same_papers_in_both_languages(client, slug, answers, expected):
    es, en = _both(client, f"/seguros/{slug}/requisitos/?" + urlencode(answers))
    boxes = [_main(r).count('type="checkbox"') for r in (es, en)]
    assert boxes[0] == boxes[1] > 0
    assert len(es.context["checklist"].documents) == len(en.context["checklist"].documents)


@pytest.mark.parametrize(("months", "covered"), COVERAGE_CASES)
def test_the_waiting_period_gives_the_same_answer_in_both_languages(client, months, covered):
    es, en = _both(
        client, "/calculadora/carencia/resultado/?" + urlencode(REGULAR | {"aportes": months}, True)
    )
    assert es.context["coverage"].covered is en.context["coverage"].covered is covered


@pytest.mark.parametrize("contributions", ["1", "5", "12", "24", "36"])
def test_unemployment_cover_gives_the_same_months_in_both_languages(client, contributions):
    es, en = _both(client, "/calculadora/latencia/resultado/?aportes=" + contributions)
    numbers = [re.findall(r"\b\d+\b", re.sub(r"<[^>]+>", " ", _main(r))) for r in (es, en)]
    assert numbers[0] == numbers[1]


# --- The switch, dates and structured data -------------------------------------------------


PERSONA = urlencode(list(_items(PERSONAS[0].answers)))
SWITCH = re.compile(r'<a class="lang-switch" href="([^"]*)" hreflang="(\w+)" lang="\w+">')


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/", "/en/"),
        ("/en/", "/"),
        ("/seguros/sctr/", "/en/seguros/sctr/"),
        ("/en/seguros/sctr/", "/seguros/sctr/"),
        ("/calculadora/resultado/?regimen=regular&periodo=2025-06&monto=3000",
         "/en/calculadora/resultado/?regimen=regular&periodo=2025-06&monto=3000"),
        (f"{WIZARD}resultado/?{PERSONA}", f"/en{WIZARD}resultado/?{PERSONA}"),
        ("/en/seguros/regular/requisitos/?tramite=inscripcion&familiar=hijo-menor",
         "/seguros/regular/requisitos/?tramite=inscripcion&familiar=hijo-menor"),
        ("/no-existe/", "/en/"),  # no twin: the other language's home
        ("/en/no-existe/", "/"),
    ],
)  # fmt: skip
def test_the_language_switch_keeps_the_page_and_its_answers(client, path, target):
    html = client.get(path).content.decode()
    links = SWITCH.findall(html)
    assert [(unescape(url), lang) for url, lang in links] == [
        (target, "es" if path.startswith("/en/") else "en")
    ]


def test_an_english_only_guide_switches_to_the_spanish_home(client):
    guide = Guide(
        translation_key="en-only", slug="en-only", title_en="Only English", body_en="Text.",
        draft=False,
    )  # fmt: skip
    guide.full_clean()
    guide.save()
    html = client.get(f"/en/guias/{guide.slug}/").content.decode()
    assert [unescape(url) for url, _ in SWITCH.findall(html)] == ["/"]


def test_dates_read_in_each_language(client):
    path = "/calculadora/carencia/resultado/?" + urlencode(
        REGULAR | {"aportes": ["2025-03", "2025-04", "2025-05"]}, True
    )
    es, en = _both(client, path)
    assert "junio de 2025" in _main(es) and "June 2025" in _main(en)
    assert "junio" not in _main(en) and "June" not in _main(es)


def test_plan_structured_data_says_its_language(client):
    for prefix, language in (("", "es"), ("/en", "en")):
        html = client.get(f"{prefix}/seguros/potestativo/").content.decode()
        assert f'"inLanguage":"{language}"' in html

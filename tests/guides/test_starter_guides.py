"""The starter guides say only what the sources say (issue 14, point 13)."""

import importlib
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import translation

from guides.models import Guide

from .conftest import SEED

pytestmark = pytest.mark.django_db

EDITION_KEY = "essalud-health-registration"
SEED_KEY = "peru-health_system_registration"


def edition():
    return Guide.objects.get(translation_key=EDITION_KEY)


def test_the_corrected_edition_keeps_the_seeds_structure_and_url(client):
    guide = edition()
    assert guide.slug == "registro-salud-peru"
    html = client.get(guide.get_absolute_url()).content.decode()
    positions = [
        html.index(f">{title}</h2>")
        for title in [
            "Descripción",
            "Procedimiento",
            "Documentos requeridos",
            "Proveedores que pueden hacerlo por ti",
            "Detalles adicionales",
        ]
    ]
    assert positions == sorted(positions)
    assert "<strong>Actualizado el 2 de diciembre de 2026.</strong> Corregimos" in html


def test_the_edition_drops_what_the_source_does_not_say():
    guide = edition()
    steps = " ".join(guide.howto["es"]["steps"])
    supplies = " ".join(guide.howto["es"]["supplies"])
    # The seed promised an e-mail and a card, and asked for a passport and proof of address.
    for claim in [
        "correo",
        "tarjeta",
        "notificación de la oficina",
        "sitio web oficial de registro",
    ]:
        assert claim not in steps, claim
    for claim in ["pasaporte", "domicilio", "factura", "contrato de alquiler", "comprobante"]:
        assert claim not in supplies.lower(), claim
    assert "DNI o carné de extranjería vigente." in supplies
    assert "edita la página" not in guide.body
    # The "Actualizado" note says what went.
    for removed in ["correo electrónico de confirmación", "tarjeta de registro de salud",
                    "pasaporte", "comprobante de domicilio", "editar la página"]:  # fmt: skip
        assert removed in guide.body, removed


# Sentences that were ours, not the source's, in the other starter guides.
UNSUPPORTED = {
    "essalud-enrol-potestativo": ["Allí suscribes el contrato"],
    "essalud-change-health-facility": ["se mudó", "trabaja lejos"],
    "essalud-unemployment-coverage": ["y atenderte", "no requiere un trámite propio"],
}


@pytest.mark.parametrize(("key", "phrases"), UNSUPPORTED.items())
def test_the_other_starter_guides_lost_their_unsupported_sentences(key, phrases):
    body = Guide.objects.get(translation_key=key).body
    for phrase in phrases:
        assert phrase not in body, phrase


def test_the_unemployment_guide_says_its_article_is_to_be_confirmed():
    body = Guide.objects.get(translation_key="essalud-unemployment-coverage").body
    assert "Decreto de Urgencia N° 009-2000 (el artículo, por confirmar)" in body


def test_every_providers_intro_points_to_the_official_rows():
    for guide in Guide.objects.filter(translation_key__startswith="essalud-"):
        assert "«oficial»" in guide.body_parts()["providers_intro"], guide.slug


def test_importing_the_seed_leaves_the_corrected_edition_alone():
    before = edition().body
    call_command("import_guides", str(SEED), stdout=StringIO(), stderr=StringIO())
    seed = Guide.objects.get(translation_key=SEED_KEY)
    assert seed.slug == "registro-salud-en-peru-acceso-a-servicios-medicos-publicos"
    assert edition().body == before


def test_the_migration_moves_an_existing_edition_to_its_own_key():
    migration = importlib.import_module("guides.migrations.0006_starter_guide_key")
    Guide.objects.filter(translation_key=EDITION_KEY).update(translation_key=SEED_KEY)
    migration.rename(migration.OLD_KEY, migration.NEW_KEY)(apps, None)
    assert edition().slug == "registro-salud-peru"
    assert not Guide.objects.filter(translation_key=SEED_KEY).exists()


# The English edition (issue 11, point 3): each starter guide's English twin says what its
# Spanish says. Checked on what can be compared without reading: the same links (the site's
# own in English), the same figures, the same steps, documents, headings and table rows.
STARTER_KEYS = [
    "essalud-health-registration",
    "essalud-enrol-employee",
    "essalud-enrol-potestativo",
    "essalud-add-family-member",
    "essalud-sctr-independent",
    "essalud-change-health-facility",
    "essalud-unemployment-coverage",
]
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_FIGURE = re.compile(r"S/ [\d,.]+|\d+(?:\.\d+)?%|\b(?:Ley|Decreto[^N]*) N° [\d-]+(?:-SA)?")


def _body(guide, code):
    return getattr(guide, f"body_{code}")


@pytest.mark.parametrize("key", STARTER_KEYS)
def test_each_starter_guide_has_an_english_twin_with_the_same_statements(key):
    guide = Guide.objects.get(translation_key=key)
    spanish, english = guide.body_es, guide.body_en
    assert guide.title_en and guide.description_en and guide.author_en
    links = [link.removeprefix("/en") for link in _LINK.findall(english)]
    assert links == _LINK.findall(spanish)
    assert all(link.startswith(("/en/", "http")) for link in _LINK.findall(english))
    assert sorted(_FIGURE.findall(english)) == sorted(_FIGURE.findall(spanish))
    for part in ("steps", "supplies"):
        assert len(guide.howto["en"][part]) == len(guide.howto["es"][part]), part
    for pattern in (r"^#{2,3} ", r"^\| ", r"^\s*(?:\d+\.|-) "):
        count = [len(re.findall(pattern, text, re.M)) for text in (spanish, english)]
        assert count[0] == count[1], pattern
    assert "<!--proveedores-->" in guide.body_html_en
    with translation.override("en"):
        assert '"Official"' in guide.body_parts()["providers_intro"]


def test_the_english_edition_keeps_its_dated_updated_note():
    body = edition().body_en
    assert body.index("> **Updated 2 December 2026.** We corrected this guide") < body.index("###")
    for removed in ["confirmation email", "health registration card", "passport",
                    "proof of address", "edit the page"]:  # fmt: skip
        assert removed in body, removed


# docs/glossary-en.md: an official Spanish name keeps its name, glossed the first time it
# appears in the guide (within the sentence around it); any of the glosses given.
GLOSSES = {
    "EsSalud": ("Peru's social health insurance",),
    "OSPE": ("EsSalud's insurance and benefits office",),
    "Centro MAC": ("government one-stop service centre",),
    "Carné de Extranjería": ("foreigner ID card",),
    "DNI": ("Peruvian national ID card",),
    "PTP": ("temporary stay permit",),
    "Formulario N° 1010": ("EsSalud's single insurance form",),
    "Formulario N° 6004": ("the SCTR independent worker's form",),
    "Remuneración Mínima Vital": ("Peru's minimum monthly wage",),
    "UIT": ("Peru's tax reference unit",),
    "SUNAT": ("Peru's tax authority",),
    "T-Registro": ("the employer's electronic payroll register",),
    "Reniec": ("Peru's civil registry",),
    "derechohabientes": ("dependants",),
    "¿Dónde me atiendo?": ("EsSalud's online check of your cover and clinic",),
    "EsSalud VIVA": ("EsSalud's online service",),
    "EPS": ("a private health provider that works with EsSalud",),
    "Suspensión Perfecta de Labores": ("a full suspension of work",),
    "Seguro Regular": ("EsSalud's main plan for employees", "compulsory insurance"),
    "Seguro Potestativo": ("EsSalud's voluntary plan", "voluntary health insurance"),
    "SCTR": ("complementary insurance for high-risk work",),
    "ONP": ("the state pension office",),
    "AFP": ("a private pension fund",),
    "RUC": ("Peru's taxpayer number",),
}


@pytest.mark.parametrize("key", STARTER_KEYS)
def test_official_names_are_glossed_the_first_time_in_each_english_guide(key):
    body = Guide.objects.get(translation_key=key).body_en
    for term, glosses in GLOSSES.items():
        match = re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", body)
        if match is None:
            continue
        around = body[max(0, match.start() - 60) : match.end() + 130]
        assert any(gloss in around for gloss in glosses), (term, around)


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_site_link_of_the_starter_guides_answers_and_its_anchor_exists(client, code):
    pages = {}
    for guide in Guide.objects.filter(translation_key__in=STARTER_KEYS):
        for href in re.findall(r'href="(/[^"]*)"', getattr(guide, f"body_html_{code}")):
            path, _, anchor = href.replace("&amp;", "&").partition("#")
            if path not in pages:
                response = client.get(path)
                assert response.status_code == 200, (guide.slug, path)
                pages[path] = response.content.decode()
            if anchor:
                assert f'id="{anchor}"' in pages[path], (guide.slug, href)

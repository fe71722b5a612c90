"""The starter guides say only what the sources say (issue 14, point 13)."""

import importlib
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

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

"""Search: accent- and case-insensitive on SQLite and PostgreSQL; drafts never appear."""

import pytest
from django.db import connection

from guides.models import Guide
from guides.search import fold, search_guides

pytestmark = pytest.mark.django_db


def titles(client, query, **params):
    response = client.get("/guias/", {"q": query, **params})
    assert response.status_code == 200
    return [guide.title for guide in response.context["guides"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("inscripcion", "Inscripción en EsSalud como trabajador dependiente (Seguro Regular)"),
        ("INSCRIPCIÓN", "Inscripción en EsSalud como trabajador dependiente (Seguro Regular)"),
        ("conyuge", "Afiliar a un familiar a EsSalud (derechohabientes)"),
        ("CÓNYUGE concubino", "Afiliar a un familiar a EsSalud (derechohabientes)"),
        ("periodo de carencia", "Afiliar a un familiar a EsSalud (derechohabientes)"),
        ("latencia", "Seguro por desempleo de EsSalud (latencia)"),
        ("proteccion", "SCTR para trabajadores independientes (+Protección)"),
        ("establecimiento", "Cambiar de establecimiento de salud en EsSalud"),
    ],
)
def test_search_finds_with_or_without_accents(client, query, expected):
    assert expected in titles(client, query)


def test_search_with_nothing_found_says_so(client):
    response = client.get("/guias/", {"q": "zzzxxyq"})
    assert response.status_code == 200
    assert list(response.context["guides"]) == []
    html = response.content.decode()
    assert "No encontramos guías con esas palabras." in html
    # Indexable, but any words fold into the list: the one URL to keep (ADR 4).
    assert '<meta name="robots"' not in html
    assert '<link rel="canonical" href="http://testserver/guias/">' in html


def test_search_combines_with_the_category_filter(client):
    found = titles(client, "afiliacion", categoria="seguro-potestativo")
    assert "Afiliarte al Seguro Potestativo de EsSalud (+Salud)" in found
    assert "Inscripción en EsSalud como trabajador dependiente (Seguro Regular)" not in found


def test_drafts_never_appear_in_search(client, make_guide):
    make_guide("borrador-busqueda", "Ñandú borrador", body="Texto único ñandúes.", draft=True)
    assert titles(client, "nandu") == []
    assert titles(client, "ñandú") == []


def test_a_published_guide_is_found_as_soon_as_it_is_saved(client, make_guide):
    guide = make_guide("nueva-busqueda", "Guía de los niños", body="Vacunación de niños.")
    assert "Guía de los niños" in titles(client, "ninos")
    guide.draft = True
    guide.save()
    assert "Guía de los niños" not in titles(client, "ninos")


@pytest.mark.postgresql
def test_title_matches_rank_first_on_postgresql(make_guide):
    make_guide("rango-cuerpo", "Otra guía", body="Habla del trámite de jubilación una vez.")
    make_guide("rango-titulo", "Jubilación", body="Todo sobre la jubilación y la jubilación.")
    found = list(search_guides(Guide.objects.published(), "jubilacion"))
    assert [g.slug for g in found][:2] == ["rango-titulo", "rango-cuerpo"]


@pytest.mark.postgresql
def test_postgresql_uses_the_unaccented_spanish_configuration():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('tramitit_es', 'Inscripción de niños')::text")
        assert cursor.fetchone()[0] == "'inscripcion':1 'nin':3"


def test_fold_removes_accents_and_case():
    assert fold("Inscripción CÓNYUGE Niños") == "inscripcion conyuge ninos"

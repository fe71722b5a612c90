"""Search: accent- and case-insensitive on SQLite and PostgreSQL, with the domain's
synonyms, over the guides and the plan pages' sections; drafts never appear."""

import pytest
from django.db import connection

from guides.models import Guide, PlanSectionText
from guides.plan_search import excerpt, index_plan_sections, search_plan_sections
from guides.search import SYNONYMS, alternatives, fold, search_guides

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


FAMILY = "Afiliar a un familiar a EsSalud (derechohabientes)"
UNEMPLOYMENT = "Seguro por desempleo de EsSalud (latencia)"
POTESTATIVO = "Afiliarte al Seguro Potestativo de EsSalud (+Salud)"


# A reader's word finds the guide that uses EsSalud's word; both databases, one table.
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("niños", FAMILY),  # the guide says "hijos"
        ("ninos", FAMILY),
        ("NIÑAS", FAMILY),
        ("hijas", FAMILY),
        ("esposa", FAMILY),  # "cónyuge"
        ("marido", FAMILY),
        ("pareja", FAMILY),  # "concubino"
        ("conviviente", FAMILY),
        ("embarazada", FAMILY),  # "gestante"
        ("afiliar esposa", FAMILY),
        ("despido", UNEMPLOYMENT),  # "desempleo", "cese"
        ("autónomo", POTESTATIVO),  # "independientes"
    ],
)
def test_synonyms_find_the_guide_that_uses_the_sources_word(client, query, expected):
    assert expected in titles(client, query)


def test_synonyms_do_not_loosen_the_other_words(client):
    # Each word must still match (or a synonym of it): "niños" and a word no guide has.
    assert titles(client, "niños zzzxxyq") == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("niños", {"nino", "hijo", "hija", "ninos"}),
        ("Esposas", {"esposa", "conyuge", "esposas"}),
        ("cónyuges", {"conyuge", "esposa", "conyuges"}),
        ("pensiones", {"pension", "jubilado", "pensionista"}),
        ("trámite", {"tramite"}),
    ],
)
def test_alternatives_fold_the_word_and_find_its_group_even_in_plural(word, expected):
    found = set(alternatives(word))
    assert expected <= found
    assert fold(word) in found


def test_every_synonym_group_is_folded_and_belongs_to_one_group_only():
    seen = {}
    for number, group in enumerate(SYNONYMS):
        for word in group:
            assert seen.setdefault(fold(word), number) == number, word


# The plan pages: results link to the section that explains the word.
@pytest.mark.parametrize(
    ("query", "section"),
    [
        ("latencia", "/seguros/regular/#desempleo"),
        ("carencia", "/seguros/potestativo/#maternidad"),
        ("ninos", "/seguros/regular/#hijo-menor"),
        ("concubina", "/seguros/regular/#concubino"),
        ("establecimiento", "/seguros/regular/#cambio-establecimiento"),
    ],
)
def test_the_plan_sections_are_searched_too(client, query, section):
    response = client.get("/guias/", {"q": query})
    urls = [hit.url for hit in response.context["plan_hits"]]
    assert section in urls
    assert f'<a href="{section}">' in response.content.decode()


def test_a_plan_hit_shows_its_plan_number_title_and_the_words_around_the_match(client):
    (hit,) = [h for h in search_plan_sections("latencia") if h.url.endswith("#desempleo")]
    assert (hit.plan, hit.number, hit.title) == (
        "Seguro Regular EsSalud",
        "14",
        "Seguro por desempleo",
    )
    assert "(Latencia)" in hit.excerpt
    html = client.get("/guias/", {"q": "latencia"}).content.decode()
    assert "secciones de las páginas de los seguros para «latencia»" in html or (
        "sección de las páginas de los seguros para «latencia»" in html
    )
    assert UNEMPLOYMENT in html  # the guide is found as well


def test_no_plan_results_for_an_empty_query_or_a_later_page(client, make_guide):
    assert client.get("/guias/").context["plan_hits"] == []
    for n in range(21):  # two pages of guides about latencia
        make_guide(f"latencia-{n}", f"Latencia {n}")
    assert client.get("/guias/", {"q": "latencia"}).context["plan_hits"]
    assert client.get("/guias/", {"q": "latencia", "pagina": 2}).context["plan_hits"] == []


def test_plan_results_are_bounded():
    assert 0 < len(search_plan_sections("seguro")) <= 8


def test_the_plan_index_follows_the_content():
    assert PlanSectionText.objects.count() > 90
    entry = PlanSectionText.objects.get(section__plan__slug="regular", section__anchor="desempleo")
    assert "latencia" in entry.folded
    # Items count too: the waiting-period note belongs to section 2.
    coverage = PlanSectionText.objects.get(
        section__plan__slug="regular", section__anchor="coberturas"
    )
    assert "carencia" in coverage.folded
    assert index_plan_sections() == PlanSectionText.objects.count()


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Corto.", "nada", "Corto."),
        ("a " * 100 + "la latencia dura " + "b " * 100, "latencia", "… a a a"),
        ("Niños " + "x " * 200, "ninos", "Niños x"),
    ],
)
def test_excerpt_starts_near_the_first_match(text, query, expected):
    found = excerpt(text, query, width=60)
    assert found.startswith(expected)
    assert len(found) <= 60 + 4
    if "latencia" in text:
        assert "latencia" in found and found.endswith(" …")


def test_search_queries_stay_bounded(client, make_guide, django_assert_max_num_queries):
    for n in range(30):
        make_guide(f"conteo-{n}", f"Guía de conteo {n}", body="Hijos y carencia.", categories=["A"])
    for query in ["carencia", "niños", "zzzxxyq", "niños carencia"]:
        # Categories, count, page, its categories, plan sections: however many match.
        with django_assert_max_num_queries(5):
            response = client.get("/guias/", {"q": query})
        assert response.status_code == 200


@pytest.mark.postgresql
def test_postgresql_ranks_the_plan_section_whose_title_matches_first():
    hits = search_plan_sections("desempleo")
    assert hits[0].url == "/seguros/regular/#desempleo"


@pytest.mark.postgresql
def test_postgresql_fills_the_plan_sections_vector():
    assert not PlanSectionText.objects.filter(search_vector__isnull=True).exists()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE indexname = "
            "'guides_plansectiontext_search_vector_gin'"
        )
        assert cursor.fetchone()[0] == 1

"""Guide pages: status, template, a key fact, drafts hidden, and query-count bounds."""

import json
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import translation

from guides.models import Category, Guide, Provider

pytestmark = pytest.mark.django_db

# Categories, count, page, the page's categories. Growing content must never add queries.
LIST_MAX_QUERIES = 4
# Guide, its categories, verified providers, related guides.
DETAIL_MAX_QUERIES = 4


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_guide_list_shows_published_guides(client):
    response = client.get("/guias/")
    assert response.status_code == 200
    assert "guides/guide_list.html" in [t.name for t in response.templates]
    html = response.content.decode()
    for guide in Guide.objects.published():
        assert guide.get_absolute_url() in html
    assert 'aria-current="page">Guías</a>' in html  # the nav link


def test_guide_list_filters_by_category(client, make_guide):
    make_guide("filtro-a", "Guía de prueba A", categories=["Filtro"])
    make_guide("filtro-b", "Guía de prueba B", categories=["Otra"])
    response = client.get("/guias/?categoria=filtro")
    assert [g.slug for g in response.context["guides"]] == ["filtro-a"]
    assert response.context["category"].slug == "filtro"
    html = response.content.decode()
    assert '<link rel="canonical" href="http://testserver/guias/?categoria=filtro">' in html


def test_unknown_category_shows_everything_with_a_note(client):
    response = client.get("/guias/?categoria=no-existe")
    assert response.status_code == 200
    assert response.context["unknown_category"]
    assert len(response.context["guides"]) == Guide.objects.published().count()


def test_guide_detail_shows_body_providers_and_related(client):
    guide = Guide.objects.get(translation_key="essalud-add-family-member")
    shown = Provider.objects.create(name="Gestora Verificada", website="https://www.gestora.pe/")
    shown.verified = True
    shown.save()
    hidden = Provider.objects.create(name="Sugerencia Pendiente", verified=False)
    for provider in (shown, hidden):
        provider.guides.add(guide)
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    assert "guides/guide_detail.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "<h1>Afiliar a un familiar a EsSalud (derechohabientes)</h1>" in html
    assert "Gestora Verificada" in html and ">gestora.pe</a>" in html
    assert "Sugerencia Pendiente" not in html
    assert html.index('id="documentos-requeridos"') < html.index('id="proveedores"')
    assert html.index('id="proveedores"') < html.index('id="detalles-adicionales"')
    related = response.context["related"]
    assert related and guide not in related
    # The guide sharing most categories (Inscripción, Seguro Potestativo...) comes first.
    assert related[0].translation_key == "essalud-enrol-potestativo"


def test_guide_detail_structured_data_is_a_howto(client):
    guide = Guide.objects.get(translation_key="essalud-sctr-independent")
    html = client.get(guide.get_absolute_url()).content.decode()
    (data,) = json_ld(html)
    assert data["@type"] == "HowTo"
    assert data["name"] == guide.title
    assert data["url"] == f"http://testserver{guide.get_absolute_url()}"
    assert data["step"][0]["@type"] == "HowToStep"
    assert "Formulario N° 6004 debidamente llenado." in [s["name"] for s in data["supply"]]


def test_structured_data_cannot_break_out_of_its_script(client, make_guide):
    guide = make_guide("json-ld", "</script><script>alert(1)</script>", description="a & b")
    html = client.get(guide.get_absolute_url()).content.decode()
    (data,) = json_ld(html)
    assert data["name"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize(
    "path",
    ["/", "/seguros/", "/seguros/regular/", "/guias/", "/guias/registro-salud-peru/"],
)
def test_every_page_has_canonical_hreflang_and_open_graph(client, path):
    html = client.get(path).content.decode()
    english = "/en" + path
    assert f'<link rel="canonical" href="http://testserver{path}">' in html
    assert f'<link rel="alternate" hreflang="es" href="http://testserver{path}">' in html
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{english}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{path}">' in html
    for prop in ["og:title", "og:description", "og:url", "og:type", "og:locale"]:
        assert f'<meta property="{prop}" content="' in html, prop
    assert re.search(r'<meta name="description" content="[^"]{20,}">', html)


def test_english_pages_point_back_to_spanish(client):
    html = client.get("/en/guias/registro-salud-peru/").content.decode()
    assert '<html lang="en">' in html
    assert '<link rel="canonical" href="http://testserver/en/guias/registro-salud-peru/">' in html
    assert 'hreflang="es" href="http://testserver/guias/registro-salud-peru/"' in html
    # Translated (a guide not yet translated: tests/guides/test_english_pages.py).
    assert '<article class="guide-article">' in html


def test_plan_pages_carry_structured_data(client):
    html = client.get("/seguros/potestativo/").content.decode()
    (data,) = json_ld(html)
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Seguro Potestativo EsSalud"
    assert data["provider"]["name"] == "EsSalud"


def test_drafts_are_invisible_to_the_public(client, make_guide):
    draft = make_guide(
        "borrador-secreto", "Borrador secreto", draft=True, categories=["Inscripción"]
    )
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"{draft.get_absolute_url()}sugerir-proveedor/").status_code == 404
    for path in ["/guias/", "/guias/?q=secreto", "/guias/?categoria=inscripcion",
                 "/sitemap.xml", "/guias/rss.xml", "/guias/atom.xml",
                 "/guias/registro-salud-peru/"]:  # fmt: skip
        assert "borrador-secreto" not in client.get(path).content.decode(), path


def test_staff_can_preview_a_draft(client, make_guide):
    draft = make_guide("vista-previa", "Vista previa", draft=True)
    user = User.objects.create_user("editora", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_guide"))
    client.force_login(user)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vista previa de un borrador." in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert "no-store" in response["Cache-Control"]


def test_staff_without_permission_cannot_preview(client, make_guide):
    draft = make_guide("sin-permiso", "Sin permiso", draft=True)
    client.force_login(User.objects.create_user("otro", password="x", is_staff=True))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_unknown_guide_is_the_spanish_404(client):
    response = client.get("/guias/no-existe/")
    assert response.status_code == 404
    assert "No encontramos esta página" in response.content.decode()


def test_sitemap_lists_plans_guides_and_tools(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for path in ["/seguros/regular/", "/guias/registro-salud-peru/", "/guias/"]:
        assert f"<loc>http://testserver{path}</loc>" in xml, path
        assert f'hreflang="en" href="http://testserver/en{path}"' in xml
    if "/calculadora/" in xml:  # listed only once the calculator page exists
        assert "<loc>http://testserver/calculadora/</loc>" in xml


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


@pytest.mark.parametrize("path", ["/guias/rss.xml", "/guias/atom.xml"])
def test_feeds_list_published_guides(client, path):
    response = client.get(path)
    assert response.status_code == 200
    xml = response.content.decode()
    assert "Registro de salud en el Perú" in xml
    assert "http://testserver/guias/registro-salud-peru/" in xml


@pytest.fixture
def many_guides(db):
    """500 guides and 2,000 providers, written with bulk_create."""
    topics = [Category.objects.create(slug=f"tema-{n}", name_es=f"Tema {n}") for n in range(10)]
    guides = Guide.objects.bulk_create(
        Guide(
            translation_key=f"masiva-{n}",
            slug=f"masiva-{n}",
            title_es=f"Guía masiva {n}",
            description_es="Descripción de prueba.",
            body_es="## Procedimiento\n\n1. Paso.\n",
            body_html_es="<h2>Procedimiento</h2>",
            draft=n % 10 == 0,
        )
        for n in range(500)
    )
    Through = Guide.categories.through
    Through.objects.bulk_create(
        Through(guide_id=guide.pk, category_id=topics[n % 10].pk) for n, guide in enumerate(guides)
    )
    providers = Provider.objects.bulk_create(
        Provider(name=f"Proveedor {n}", cost_soles=n, verified=(n // 500) % 2 == 0)
        for n in range(2000)
    )
    Link = Provider.guides.through
    Link.objects.bulk_create(
        Link(provider_id=provider.pk, guide_id=guides[n % 500].pk)
        for n, provider in enumerate(providers)
    )
    return guides


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_list_queries_stay_bounded(client, many_guides, django_assert_max_num_queries, prefix):
    # In English every card falls back to Spanish and is marked: no query more.
    for path in ["/guias/", "/guias/?categoria=tema-3", "/guias/?q=masiva", "/guias/?pagina=7"]:
        with django_assert_max_num_queries(LIST_MAX_QUERIES):
            response = client.get(prefix + path)
        assert response.status_code == 200, path
    assert response.context["page"].paginator.count >= 450


@pytest.mark.parametrize("language", ["es", "en"])
def test_detail_queries_stay_bounded(client, many_guides, django_assert_max_num_queries, language):
    guide = many_guides[1]
    with django_assert_max_num_queries(DETAIL_MAX_QUERIES), translation.override(language):
        response = client.get(reverse("guides:guide_detail", args=[guide.slug]))
    assert response.status_code == 200
    assert len(response.context["providers"]) == 2  # 4 linked, 2 verified
    assert len(response.context["related"]) == 4


def test_sitemap_and_feed_queries_stay_bounded(client, many_guides, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get("/sitemap.xml").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get("/guias/atom.xml").status_code == 200

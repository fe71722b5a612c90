"""EsSalud's official channels as providers (issue 14, point 12)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from guides.models import Guide, Provider
from guides.providers import OFFICIAL_PROVIDERS_FILE, load_official_providers

pytestmark = pytest.mark.django_db

# translationKey -> the official rows its guide lists (by name; the collation orders them).
OFFICIAL_ROWS = {
    "essalud-health-registration": [
        "OSPE de EsSalud: afiliación al Seguro Potestativo",
        "OSPE de EsSalud: registro excepcional de asegurados y derechohabientes",
        "¿Dónde me atiendo?: consulta tu seguro y tu centro asignado",
    ],
    "essalud-enrol-employee": [
        "EsSalud VIVA: registro y baja de derechohabientes en línea",
        "OSPE de EsSalud: registro excepcional de asegurados y derechohabientes",
        "¿Dónde me atiendo?: consulta tu seguro y tu centro asignado",
    ],
    "essalud-enrol-potestativo": ["OSPE de EsSalud: afiliación al Seguro Potestativo"],
    "essalud-add-family-member": [
        "Centro MAC: afiliación de familiares al Seguro Potestativo",
        "EsSalud VIVA: registro y baja de derechohabientes en línea",
        "OSPE de EsSalud: afiliación al Seguro Potestativo",
        "OSPE de EsSalud: registro excepcional de asegurados y derechohabientes",
        "¿Dónde me atiendo?: consulta tu seguro y tu centro asignado",
    ],
    "essalud-sctr-independent": ["OSPE de EsSalud: afiliación al SCTR como independiente"],
    "essalud-change-health-facility": [
        "OSPE de EsSalud: cambio de establecimiento de salud",
        "¿Dónde me atiendo?: consulta tu seguro y tu centro asignado",
    ],
    "essalud-unemployment-coverage": [
        "¿Dónde me atiendo?: consulta tu seguro y tu centro asignado"
    ],
}


def providers_of(key):
    return list(Provider.objects.for_guide_table(Guide.objects.get(translation_key=key)))


@pytest.mark.parametrize(("key", "names"), OFFICIAL_ROWS.items())
def test_every_guide_lists_the_official_channels_that_serve_it(key, names):
    rows = providers_of(key)
    assert sorted(row.name for row in rows) == sorted(names)
    assert all(row.official and row.verified for row in rows)


# Free only where the source says so; no URL, time or price of our own.
@pytest.mark.parametrize(
    ("content_key", "cost", "website"),
    [
        ("ospe-afiliacion-potestativo", 0, ""),  # «La afiliación es gratuita»
        ("centro-mac-afiliacion-potestativo", 0, ""),  # «La afiliación es un proceso gratuito»
        ("ospe-cambio-establecimiento", 0, ""),  # «de manera gratuita»
        ("ospe-seguro-regular", None, ""),
        ("ospe-sctr-independiente", None, ""),
        ("essalud-viva", None, "https://viva.essalud.gob.pe"),
        ("donde-me-atiendo", None, "https://dondemeatiendo.essalud.gob.pe/#/consulta"),
    ],
)
def test_official_rows_carry_only_what_the_sources_say(content_key, cost, website):
    provider = Provider.objects.get(content_key=content_key)
    assert provider.cost_soles == cost
    assert provider.website == website
    assert provider.turnaround == ""  # no source gives a time
    assert provider.notes  # the source, for editors
    provider.full_clean()


def test_the_guide_table_marks_official_rows_and_lists_them_above_private_ones(client):
    guide = Guide.objects.get(translation_key="essalud-change-health-facility")
    private = Provider.objects.create(name="Aaa Gestiones", cost_soles=50, verified=True)
    private.guides.add(guide)
    html = client.get(guide.get_absolute_url()).content.decode()
    ospe = html.index("OSPE de EsSalud: cambio de establecimiento de salud")
    # Official rows first, though "Aaa" sorts before both.
    assert max(ospe, html.index("¿Dónde me atiendo?: consulta")) < html.index("Aaa Gestiones")
    row = html[ospe : html.index("</tr>", ospe)]
    assert '<span class="tag tag-oficial">Oficial</span>' in row
    assert ">Gratuito</td>" in row and '<span class="not-given">No indicado</span></td>' in row
    assert "2 canales oficiales de EsSalud y 1 proveedor verificado" in html
    assert "Los marcados «oficial» son canales de EsSalud" in html
    assert "Los demás proveedores son independientes de EsSalud" in html
    private_row = html[html.index("Aaa Gestiones") : html.index("</tr>", html.index("Aaa"))]
    assert "Oficial" not in private_row and "S/ 50.00" in private_row


def test_an_official_row_without_a_cost_says_no_indicado_and_keeps_its_link_followable(client):
    guide = Guide.objects.get(translation_key="essalud-unemployment-coverage")
    html = client.get(guide.get_absolute_url()).content.decode()
    assert 'href="https://dondemeatiendo.essalud.gob.pe/#/consulta" rel="noopener"' in html
    assert "1 canal oficial de EsSalud</caption>" in html
    assert "Los demás proveedores" not in html  # no private provider on this guide
    assert "Consultar" not in html


def test_loading_twice_changes_nothing_and_keeps_editors_providers():
    guide = Guide.objects.get(translation_key="essalud-enrol-potestativo")
    mine = Provider.objects.create(name="Mi gestoría", verified=True)
    mine.guides.add(guide)
    stamps = dict(Provider.objects.filter(official=True).values_list("pk", "updated_at"))
    assert load_official_providers() == {"created": 0, "updated": 0, "unchanged": 7}
    assert dict(Provider.objects.filter(official=True).values_list("pk", "updated_at")) == stamps
    assert Provider.objects.get(pk=mine.pk).content_key is None
    assert list(mine.guides.all()) == [guide]


def test_an_official_row_changed_in_the_admin_is_put_back_by_the_next_load():
    ospe = Provider.objects.get(content_key="ospe-cambio-establecimiento")
    ospe.cost_soles, ospe.verified = 30, False
    ospe.save()
    ospe.guides.clear()
    assert load_official_providers()["updated"] == 1
    ospe.refresh_from_db()
    assert (ospe.cost_soles, ospe.verified) == (0, True)
    assert [g.translation_key for g in ospe.guides.all()] == ["essalud-change-health-facility"]


def test_loadcontent_reports_the_official_providers():
    out = StringIO()
    call_command("loadcontent", stdout=out)
    assert out.getvalue().splitlines()[-1] == (
        "official providers: 0 created, 0 updated, 7 unchanged."
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- key: x\n  name_es: X\n  guides: [no-existe]\n", "línea 1: no hay guías con"),
        ("- key: x\n  name_es: X\n- key: y\n  name: Y\n", "línea 3: claves desconocidas ['name']"),
        ("- key: x\n  name_es: X\n  website: no-es-url\n", "línea 1: {'website'"),
        ("- key: x\n  name_es: X\n  cost_soles: -5\n", "línea 1: {'__all__'"),
        ("key: x\n", "se esperaba una lista"),
    ],
)
def test_a_broken_providers_file_names_the_line(tmp_path, text, message):
    path = tmp_path / "providers.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match=message.replace("[", r"\[").replace("{", r"\{")):
        load_official_providers(path)


def test_the_providers_file_is_the_one_loadcontent_reads():
    assert OFFICIAL_PROVIDERS_FILE.name == "providers.yaml"
    assert OFFICIAL_PROVIDERS_FILE.exists()


def test_the_admin_lists_and_filters_official_providers(admin_client):
    Provider.objects.create(name="Gestoría privada", verified=True)
    html = admin_client.get("/admin/guides/provider/?official__exact=1").content.decode()
    assert "OSPE de EsSalud: cambio de establecimiento de salud" in html
    assert "Gestoría privada" not in html
    assert "column-official" in html


def test_a_load_that_changes_an_official_row_is_a_version_in_its_history(tmp_path):
    """Editors can see (and undo) what a deploy's loadcontent changed, as for guides."""

    load_official_providers()
    provider = Provider.objects.filter(official=True).first()
    before = Version.objects.get_for_object(provider).count()
    text = OFFICIAL_PROVIDERS_FILE.read_text(encoding="utf-8")
    changed = tmp_path / "providers.yaml"
    changed.write_text(text.replace(provider.name, provider.name + " (nuevo nombre)", 1))
    assert load_official_providers(changed)["updated"] >= 1
    assert Version.objects.get_for_object(provider).count() == before + 1
    assert load_official_providers(changed)["updated"] == 0
    assert Version.objects.get_for_object(provider).count() == before + 1

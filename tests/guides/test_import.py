"""``import_guides`` and the starter guides that ``loadcontent`` imports."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from guides.importer import STARTER_GUIDES_DIR, read_guide_file
from guides.models import Category, Guide, Provider

from .conftest import SEED, SHARED_SEED

pytestmark = pytest.mark.django_db

SEED_KEY = "peru-health_system_registration"
# Every section of the seed page, as rendered on the guide (the providers section is the
# template's, filled from the database).
SEED_SECTIONS = [
    "Descripción",
    "¿Qué es?",
    "¿Quién lo necesita?",
    "Procedimiento",
    "Documentos requeridos",
    "Proveedores que pueden hacerlo por ti",
    "Detalles adicionales",
    "Related Posts",
]


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_guides", *map(str, args), stdout=out, stderr=err)
    return out.getvalue()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot():
    return (
        sorted(Guide.objects.values_list("translation_key", "title_es", "title_en", "body_es")),
        sorted(Category.objects.values_list("slug", flat=True)),
    )


def test_the_test_copy_of_the_seed_is_the_seed():
    if not SHARED_SEED.exists():
        pytest.skip("shared/ is not beside the repository")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_the_seed_page_imports_as_is(seed_path, client):
    Guide.objects.filter(translation_key=SEED_KEY).delete()
    assert run(seed_path) == "1 created, 0 updated, 0 unchanged, 0 failed.\n"
    guide = Guide.objects.get(translation_key=SEED_KEY)
    assert guide.title == "Registro Salud en Perú: Acceso a Servicios Médicos Públicos"
    assert guide.meta_title == guide.title
    assert guide.description.startswith("Agiliza la inscripción en el sistema de salud de Perú.")
    assert guide.author == "Ricardo Batista"
    assert guide.published_on.isoformat() == "2024-06-25"
    assert guide.draft is False
    assert [c.slug for c in guide.categories.all()] == ["peru"]
    assert guide.slug == "registro-salud-en-peru-acceso-a-servicios-medicos-publicos"

    Provider.objects.create(name="Gestiones Lima", cost_soles=120, verified=True).guides.add(guide)
    html = client.get(guide.get_absolute_url()).content.decode()
    for section in SEED_SECTIONS:
        assert f">{section}</h" in html, section
    assert '<table class="providers-table">' in html
    assert "Gestiones Lima" in html and "S/ 120.00" in html
    assert "Visita el sitio web oficial de registro del sistema de salud" in html


def test_reimporting_updates_instead_of_duplicating(tmp_path, seed_path):
    path = write(tmp_path, "seed.md", seed_path.read_text(encoding="utf-8"))
    run(path)
    count = Guide.objects.count()
    assert run(path) == "0 created, 0 updated, 1 unchanged, 0 failed.\n"

    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "title: 'Registro Salud en Perú: Acceso a Servicios Médicos Públicos'",
            "title: 'Registro de salud en el Perú'",
        ),
        encoding="utf-8",
    )
    assert run(path) == "0 created, 1 updated, 0 unchanged, 0 failed.\n"
    assert Guide.objects.count() == count
    assert Guide.objects.get(translation_key=SEED_KEY).title == "Registro de salud en el Perú"


def test_force_reapplies_an_unchanged_file(tmp_path, seed_path):
    path = write(tmp_path, "seed.md", seed_path.read_text(encoding="utf-8"))
    run(path)
    Guide.objects.filter(translation_key=SEED_KEY).update(title_es="Editado")
    assert "1 unchanged" in run(path)
    assert "1 updated" in run(path, "--force")
    assert Guide.objects.get(translation_key=SEED_KEY).title != "Editado"


def test_dry_run_saves_nothing(tmp_path, seed_path):
    Guide.objects.filter(translation_key=SEED_KEY).delete()
    before = snapshot()
    assert run(seed_path, "--dry-run").startswith("[dry-run] 1 created")
    assert snapshot() == before


GOOD_HEAD = "---\ntitle: Una guía\ntranslationKey: una-guia\ncategories: [Nueva categoría]\n"
BROKEN_FILES = [
    ("sin-cabecera.md", "## Hola\n", 1, "falta la cabecera"),
    ("sin-cierre.md", "---\ntitle: X\ntranslationKey: x\n## Hola\n", 1, "no se cierra"),
    (
        "yaml-roto.md",
        "---\ntitle: Una guía\ntranslationKey: una-guia\ncategories: [Peru\ndraft: false\n"
        "---\nTexto\n",
        5,
        "cabecera YAML no válida",
    ),
    (
        "tabulador.md",
        "---\ntitle: Una guía\n\ttranslationKey: una-guia\n---\nTexto\n",
        3,
        "cabecera YAML no válida",
    ),
    ("sin-titulo.md", "---\ntranslationKey: x\n---\nTexto\n", 1, "falta «title»"),
    ("lista.md", "---\n- a\n- b\n---\nTexto\n", 2, "clave: valor"),
    ("fecha.md", GOOD_HEAD + "date: ayer\n---\nTexto\n", 5, "«date»"),
    ("borrador.md", GOOD_HEAD + "draft: quizás\n---\nTexto\n", 5, "«draft»"),
    ("clave.md", "---\ntitle: X\ntranslationKey: 'no vale'\n---\nTexto\n", 3, "translationKey"),
    ("idioma.md", GOOD_HEAD + "lang: fr\n---\nTexto\n", 5, "idioma «fr»"),
    ("vacio.md", GOOD_HEAD + "---\n\n", 7, "no tiene texto"),
    ("largo.md", GOOD_HEAD + f"description: {'x' * 400}\n---\nTexto\n", 5, "«description»"),
]


@pytest.mark.parametrize(("name", "text", "line", "message"), BROKEN_FILES)
def test_broken_front_matter_is_reported_by_file_and_line(tmp_path, name, text, line, message):
    path = write(tmp_path, name, text)
    before = snapshot()
    err = StringIO()
    with pytest.raises(CommandError, match="1 archivo"):
        call_command("import_guides", str(path), stdout=StringIO(), stderr=err)
    assert f"{name}, línea {line}: " in err.getvalue()
    assert message in err.getvalue()
    assert snapshot() == before


def test_a_broken_file_does_not_stop_the_good_ones(tmp_path, seed_path):
    Guide.objects.filter(translation_key=SEED_KEY).delete()
    good = write(tmp_path, "a.md", seed_path.read_text(encoding="utf-8"))
    bad = write(tmp_path, "b.md", "---\ntitle: [\n---\nTexto\n")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("import_guides", str(good), str(bad), stdout=out, stderr=err)
    assert out.getvalue() == "1 created, 0 updated, 0 unchanged, 1 failed.\n"
    assert "b.md, línea 2" in err.getvalue()
    assert Guide.objects.filter(translation_key=SEED_KEY).exists()


def test_english_file_fills_the_english_fields(tmp_path, seed_path):
    run(seed_path)
    english = write(
        tmp_path,
        "registro.en.md",
        "---\ntitle: Health registration in Peru\ntranslationKey: peru-health_system_registration\n"
        "description: Enrol in Peru's public health system.\n---\n## Procedure\n\n1. Go.\n",
    )
    assert "1 updated" in run(english)
    guide = Guide.objects.get(translation_key=SEED_KEY)
    assert guide.title_en == "Health registration in Peru"
    assert guide.title_es.startswith("Registro Salud en Perú")
    assert guide.howto["en"]["steps"] == ["Go."]
    assert guide.author == "Ricardo Batista"  # shared fields come from the Spanish file


def test_english_file_without_its_spanish_guide_is_an_english_only_guide(tmp_path):
    # Refused before issue 11; see test_import_languages.py for the per-language folders.
    path = write(tmp_path, "x.en.md", "---\ntitle: X\ntranslationKey: nothing-here\n---\nText\n")
    out = run(path)
    assert out.splitlines()[-1] == "1 created, 0 updated, 0 unchanged, 0 failed, 1 notice."
    guide = Guide.objects.get(translation_key="nothing-here")
    assert (guide.title_es or "", guide.title_en, guide.languages) == ("", "X", ["en"])


def test_folders_are_read_spanish_first(tmp_path, seed_path):
    write(
        tmp_path,
        "a.en.md",
        "---\ntitle: In English\ntranslationKey: folder-guide\n---\nText\n",
    )
    write(tmp_path, "b.md", "---\ntitle: En español\ntranslationKey: folder-guide\n---\nTexto\n")
    assert run(tmp_path) == "1 created, 1 updated, 0 unchanged, 0 failed.\n"
    guide = Guide.objects.get(translation_key="folder-guide")
    assert (guide.title_es, guide.title_en, guide.slug) == (
        "En español",
        "In English",
        "en-espanol",
    )


def test_every_starter_guide_reads_cleanly_and_is_loaded():
    paths = sorted(STARTER_GUIDES_DIR.glob("*.md"))
    assert len(paths) >= 7
    keys = {read_guide_file(path).translation_key for path in paths}
    published = Guide.objects.published().filter(translation_key__in=keys)
    assert published.count() == len(keys)
    for guide in published:
        guide.full_clean()
        assert guide.howto["es"]["steps"], guide.slug
        assert "<!--proveedores-->" in guide.body_html, guide.slug


STARTER_LINKS = {
    "essalud-enrol-employee": ["/seguros/regular/", "/calculadora/"],
    "essalud-enrol-potestativo": ["/seguros/potestativo/", "/calculadora/"],
    "essalud-add-family-member": [
        "/seguros/regular/#conyuge",
        "/seguros/regular/requisitos/?tramite=inscripcion&amp;familiar=conyuge",
    ],
    "essalud-sctr-independent": ["/seguros/sctr/", "/seguros/sctr/requisitos/", "/calculadora/"],
    "essalud-change-health-facility": [
        "/seguros/regular/#cambio-establecimiento",
        "/seguros/regular/requisitos/?tramite=cambio-establecimiento",
    ],
    "essalud-unemployment-coverage": ["/seguros/regular/#desempleo", "/calculadora/latencia/"],
}


@pytest.mark.parametrize(("key", "links"), STARTER_LINKS.items())
def test_starter_guides_link_their_plan_checklist_and_calculator_pages(key, links):
    html = Guide.objects.get(translation_key=key).body_html
    for link in links:
        assert f'href="{link}' in html, link


def test_starter_guides_link_only_guides_that_exist():
    slugs = set(Guide.objects.published().values_list("slug", flat=True))
    for guide in Guide.objects.published():
        for slug in __import__("re").findall(r'href="/guias/([^/"]+)/', guide.body_html):
            assert slug in slugs, (guide.slug, slug)


def test_loadcontent_twice_changes_no_guide_and_keeps_editors_providers():
    guide = Guide.objects.get(translation_key="essalud-add-family-member")
    provider = Provider.objects.create(name="Trámites Arequipa", verified=True)
    provider.guides.add(guide)
    Guide.objects.filter(pk=guide.pk).update(description_es="Corregida en el admin.")
    out = StringIO()
    call_command("loadcontent", stdout=out)
    call_command("loadcontent", stdout=out)
    second_run = out.getvalue().splitlines()[-3:]
    assert second_run[1] == (
        f"guides: 0 created, 0 updated, {len(list(STARTER_GUIDES_DIR.glob('*.md')))} unchanged."
    )
    assert second_run[2].endswith(" 0 created, 0 updated, 7 unchanged.")
    assert list(provider.guides.all()) == [guide]
    assert Guide.objects.get(pk=guide.pk).description == "Corregida en el admin."


def test_loadcontent_fails_whole_on_a_broken_starter_guide(tmp_path, monkeypatch, seed_path):
    from guides import importer

    write(tmp_path, "roto.md", "---\ntitle: [\n---\nTexto\n")
    monkeypatch.setattr(importer, "STARTER_GUIDES_DIR", tmp_path)
    with pytest.raises(CommandError, match=r"roto.md, línea 2"):
        call_command("loadcontent", stdout=StringIO())

"""Guides from Hugo's per-language content folders (issue 11, point 4): ``en/peru/a.md`` and
``import_guides --lang en``, matched on translationKey; an English file with no Spanish
twin becomes an English-only guide."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from guides.importer import folder_language, guide_files, path_slug, read_guide_file
from guides.models import Category, Guide

pytestmark = pytest.mark.django_db

SPANISH = """---
title: Inscripción de prueba
translationKey: {key}
categories: ["Inscripción"]
date: 2026-11-01
---
## Procedimiento

1. Ve a la OSPE.
"""
ENGLISH = """---
title: Test enrolment
translationKey: {key}
categories: ["Enrolment"]
date: 2026-11-20
---
## Procedure

1. Go to the OSPE.
"""


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_guides", *map(str, args), stdout=out, stderr=err)
    return out.getvalue()


def write(root, name, text):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_per_language_content_tree_fills_both_sides_of_each_guide(tmp_path):
    spanish = write(tmp_path, "es/peru/prueba.md", SPANISH.format(key="carpetas"))
    english = write(tmp_path, "en/peru/prueba.md", ENGLISH.format(key="carpetas"))
    out = run(tmp_path)
    assert out.splitlines()[-1] == "1 created, 1 updated, 0 unchanged, 0 failed, 1 notice."
    assert f"{english}: en inglés por su carpeta «en/»." in out
    guide = Guide.objects.get(translation_key="carpetas")
    assert (guide.title_es, guide.title_en) == ("Inscripción de prueba", "Test enrolment")
    assert guide.howto["en"]["steps"] == ["Go to the OSPE."]
    assert guide.slug == "inscripcion-de-prueba"  # the Spanish file's
    assert guide.published_on.isoformat() == "2026-11-01"  # shared fields: the Spanish file's
    assert str(spanish) not in out  # Spanish is the default: nothing to report


def test_the_english_file_goes_second_even_when_its_path_sorts_first(tmp_path):
    # "a.md" says its language inside; read before saving, it still waits for "b.md".
    write(tmp_path, "a.md", ENGLISH.format(key="orden").replace("---\n", "---\nlang: en\n", 1))
    write(tmp_path, "b.md", SPANISH.format(key="orden"))
    assert run(tmp_path).splitlines()[-1] == "1 created, 1 updated, 0 unchanged, 0 failed."
    guide = Guide.objects.get(translation_key="orden")
    assert guide.languages == ["es", "en"] and guide.slug == "inscripcion-de-prueba"


def test_lang_option_marks_files_that_do_not_say_their_language(tmp_path):
    run(write(tmp_path, "es/prueba.md", SPANISH.format(key="opcion")))
    english = write(tmp_path, "english/peru/prueba.md", ENGLISH.format(key="opcion"))
    out = run("--lang", "en", english)
    assert out == "0 created, 1 updated, 0 unchanged, 0 failed.\n"  # asked for: no notice
    assert Guide.objects.get(translation_key="opcion").title_en == "Test enrolment"


@pytest.mark.parametrize(
    ("name", "front_matter", "expected"),
    [
        ("x.md", "", "en"),  # --lang
        ("x.es.md", "", "es"),  # the name says
        ("x.md", "lang: es\n", "es"),  # the front matter says
    ],
)
def test_a_file_that_states_its_language_beats_the_option(tmp_path, name, front_matter, expected):
    text = f"---\n{front_matter}title: X\ntranslationKey: x\n---\nX\n"
    path = write(tmp_path, f"en/{name}", text)
    assert read_guide_file(path, language="en", folder="en").language == expected


def test_lang_option_accepts_only_the_sites_languages(tmp_path):
    path = write(tmp_path, "prueba.md", SPANISH.format(key="idioma"))
    with pytest.raises(CommandError, match="invalid choice: 'fr'"):
        run("--lang", "fr", path)


@pytest.mark.parametrize(
    ("folders", "language"),
    [
        (("en", "peru"), "en"),
        (("content", "es", "peru"), "es"),
        (("EN",), "en"),
        (("english", "peru"), None),
        (("content", "guides"), None),
        (("en", "es"), "es"),  # the nearest folder wins
        ((), None),
    ],
)
def test_folder_language(folders, language):
    assert folder_language(folders) == language


def test_only_the_folders_named_and_below_give_a_language(tmp_path):
    # A site kept under a folder named "en" is not English for that.
    site = tmp_path / "en" / "sitio"
    write(site, "peru/guia.md", SPANISH.format(key="arriba"))
    write(site, "en/guia.md", ENGLISH.format(key="arriba"))
    assert [folder for _path, folder in guide_files([site])] == [None, "en"]
    # The folder named counts: `import_guides content/en/`.
    assert [folder for _path, folder in guide_files([site / "en"])] == ["en"]


def test_a_language_folder_is_not_part_of_the_slug():
    assert path_slug("en/about.md") == "about"
    assert path_slug("en/peru/inscription.md") == "peru-inscription"


def test_an_orphan_english_file_becomes_an_english_only_guide(tmp_path, client):
    path = write(tmp_path, "en/peru/nomads.md", ENGLISH.format(key="solo-ingles"))
    out = run(tmp_path / "en")
    assert out.splitlines()[-1] == "1 created, 0 updated, 0 unchanged, 0 failed, 2 notices."
    assert (
        f"{path}: no hay una guía en español con translationKey «solo-ingles»: se crea solo "
        "en inglés, en /en/guias/test-enrolment/; las páginas en español (lista, búsqueda, "
        "feeds) no la muestran hasta que se importe su archivo en español."
    ) in out
    guide = Guide.objects.get(translation_key="solo-ingles")
    assert not guide.title_es and not guide.body_es
    assert guide.languages == ["en"]
    # Its shared fields are its own while it has no Spanish.
    assert (guide.slug, guide.published_on.isoformat(), guide.draft) == (
        "test-enrolment",
        "2026-11-20",
        False,
    )
    # "Enrolment" is the English name of the Spanish category (content/categories.yaml).
    assert [c.slug for c in guide.categories.all()] == ["inscripcion"]
    assert client.get("/en/guias/test-enrolment/").status_code == 200
    assert client.get("/guias/test-enrolment/").status_code == 404


def test_reimporting_changes_nothing_and_says_nothing(tmp_path):
    write(tmp_path, "es/a.md", SPANISH.format(key="dos-veces"))
    write(tmp_path, "en/a.md", ENGLISH.format(key="dos-veces"))
    write(tmp_path, "en/b.md", ENGLISH.format(key="huerfana").replace("Test", "Other"))
    run(tmp_path)
    before = list(Guide.objects.filter(translation_key__in=["dos-veces", "huerfana"]).values())
    assert run(tmp_path) == "0 created, 0 updated, 3 unchanged, 0 failed.\n"
    after = list(Guide.objects.filter(translation_key__in=["dos-veces", "huerfana"]).values())
    assert after == before


def test_a_spanish_file_completes_an_english_only_guide_and_keeps_its_url(tmp_path):
    run(write(tmp_path, "en/a.md", ENGLISH.format(key="completa")))
    spanish = write(tmp_path, "es/a.md", SPANISH.format(key="completa"))
    out = run(spanish)
    assert (
        f"{spanish}: la guía «Test enrolment» estaba solo en otro idioma: ahora también en "
        "español, en /guias/test-enrolment/."
    ) in out
    guide = Guide.objects.get(translation_key="completa")
    assert guide.languages == ["es", "en"]
    assert guide.slug == "test-enrolment"
    assert guide.published_on.isoformat() == "2026-11-01"  # now the Spanish file's


def test_a_spanish_slug_moves_an_english_only_guide_and_says_so(tmp_path):
    run(write(tmp_path, "en/a.md", ENGLISH.format(key="movida")))
    text = SPANISH.format(key="movida").replace("---\n", "---\nslug: inscripcion-movida\n", 1)
    out = run(write(tmp_path, "es/a.md", text))
    assert "su «slug» cambia de «test-enrolment» a «inscripcion-movida» en todos" in out
    assert Guide.objects.get(translation_key="movida").slug == "inscripcion-movida"


def test_an_english_files_own_slug_is_reported_and_not_used(tmp_path):
    run(write(tmp_path, "es/a.md", SPANISH.format(key="un-slug")))
    text = ENGLISH.format(key="un-slug").replace("---\n", "---\nslug: test-enrolment\n", 1)
    out = run(write(tmp_path, "en/a.md", text))
    assert (
        "«slug» «test-enrolment» no se usa: la guía tiene una sola URL en cada idioma, "
        "/en/guias/inscripcion-de-prueba/, la que da su archivo en español."
    ) in out
    assert Guide.objects.get(translation_key="un-slug").slug == "inscripcion-de-prueba"


def test_a_category_first_met_in_english_is_named_in_english(tmp_path, client):
    text = ENGLISH.format(key="nomadas").replace('["Enrolment"]', '["Digital nomads"]')
    run(write(tmp_path, "en/a.md", text))
    category = Category.objects.get(slug="digital-nomads")
    assert (category.name_es, category.name_en) == ("Digital nomads", "Digital nomads")
    # Only English-only guides are in it: the Spanish list does not offer it.
    assert "?categoria=digital-nomads" not in client.get("/guias/").content.decode()
    assert "?categoria=digital-nomads" in client.get("/en/guias/").content.decode()


def test_categories_get_their_english_names_without_overwriting_an_editors(tmp_path):
    Category.objects.filter(slug="familia").update(name_en="Relatives (edited)")
    Category.objects.filter(slug="inscripcion").update(name_en="")
    text = SPANISH.format(key="nombres").replace('["Inscripción"]', '["Inscripción", "Familia"]')
    run(write(tmp_path, "a.md", text))
    names = dict(Category.objects.values_list("slug", "name_en"))
    assert names["inscripcion"] == "Enrolment"
    assert names["familia"] == "Relatives (edited)"


def test_the_starter_guides_english_twins_are_named_twins():
    """Every starter guide has its English file beside it, by name, with the same key."""
    from guides.importer import STARTER_GUIDES_DIR

    for spanish in sorted(STARTER_GUIDES_DIR.glob("*.md")):
        if spanish.name.endswith(".en.md"):
            continue
        english = spanish.with_name(spanish.name.replace(".md", ".en.md"))
        assert english.exists(), english
        es, en = read_guide_file(spanish), read_guide_file(english)
        assert (es.language, en.language) == ("es", "en")
        assert es.translation_key == en.translation_key
        assert not en.slug  # one URL per guide: the Spanish file's

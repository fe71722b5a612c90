"""``import_guides`` on a real Hugo site's shapes (issue 16, points 7-11).

``data/corpus/es/`` is a small corpus of our own that has each shape found in tramitit's
public guides: a Spanish date, a key given twice, two titles with one slug, a section index.
"""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from guides.importer import parse_date, path_slug, read_guide_file
from guides.models import Guide

from .conftest import DATA

pytestmark = pytest.mark.django_db

CORPUS = DATA / "corpus" / "es"


class Terminal(StringIO):
    def isatty(self):
        return True


def run(*args, stdout=None):
    out, err = stdout or StringIO(), StringIO()
    call_command("import_guides", *map(str, args), stdout=out, stderr=err)
    return out.getvalue()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_corpus_imports_every_article_and_reports_each_decision():
    out = run(CORPUS)
    lines = out.splitlines()
    assert (
        lines[-1]
        == "4 created, 0 updated, 0 unchanged, 0 failed, 1 skipped (section index), 2 notices."
    )
    assert (
        f"{CORPUS / '_index.md'}: índice de sección de Hugo (_index.md): no es una guía, se omite."
        in lines
    )
    # Subfolders are read, as in a Hugo content tree.
    assert Guide.objects.filter(translation_key__startswith="prueba-").count() == 4
    assert not Guide.objects.filter(translation_key="guias").exists()


# Point 7: dates written in Spanish.
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("27 de junio de 2024", datetime.date(2024, 6, 27)),
        ("27 De Junio De 2024", datetime.date(2024, 6, 27)),
        ("jueves, 27 de junio de 2024", datetime.date(2024, 6, 27)),
        ("1 de enero del 2025", datetime.date(2025, 1, 1)),
        ("1 de setiembre de 2025", datetime.date(2025, 9, 1)),
        ("30 de septiembre de 2025", datetime.date(2025, 9, 30)),
        ("31 de diciembre de 2023", datetime.date(2023, 12, 31)),
        ("29 de febrero de 2024", datetime.date(2024, 2, 29)),
        ("2024-06-25", datetime.date(2024, 6, 25)),
        ("2024-06-25T10:30:00-05:00", datetime.date(2024, 6, 25)),
        (datetime.date(2024, 6, 25), datetime.date(2024, 6, 25)),
        (datetime.datetime(2024, 6, 25, 23, 59), datetime.date(2024, 6, 25)),
        (None, None),
        ("", None),
    ],
)
def test_dates_are_read_in_iso_or_in_spanish(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["29 de febrero de 2023", "32 de enero de 2024", "27 de juño de 2024", "27 junio 2024",
     "junio de 2024", "ayer", 20240625, ["2024-06-25"]],
)  # fmt: skip
def test_a_date_that_is_no_date_is_refused(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_a_spanish_date_sets_the_publication_date():
    run(CORPUS / "peru" / "fecha_en_castellano.md")
    guide = Guide.objects.get(translation_key="prueba-fecha-castellano")
    assert guide.published_on == datetime.date(2024, 6, 27)


def test_a_wrong_spanish_date_names_the_file_line_and_both_formats(tmp_path):
    path = write(
        tmp_path, "mala.md", "---\ntitle: X\ntranslationKey: x\ndate: 31 de junio de 2024\n---\nT\n"
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_guides", str(path), stdout=StringIO(), stderr=err)
    assert "mala.md, línea 4: «date» debe ser una fecha: AAAA-MM-DD o «27 de junio de 2024»." in (
        err.getvalue()
    )


# Point 8: two titles, one slug.
def test_path_slug_is_the_folder_and_the_file_name_as_in_hugos_url():
    assert path_slug("es/peru/inscripción_al_ruc.md") == "peru-inscripcion-al-ruc"
    assert path_slug("es/peru/inscripción_al_ruc.en.md") == "peru-inscripcion-al-ruc"


def test_the_second_title_with_a_taken_slug_takes_its_path_and_says_so():
    out = run(CORPUS / "chile" / "mismo_titulo.md", CORPUS / "peru" / "mismo_titulo.md")
    chile = Guide.objects.get(translation_key="prueba-residencia-chile")
    peru = Guide.objects.get(translation_key="prueba-residencia-peru")
    assert (chile.slug, peru.slug) == ("certificado-de-residencia", "peru-mismo-titulo")
    assert (
        f"{CORPUS / 'peru' / 'mismo_titulo.md'}: el título da el slug «certificado-de-residencia», "
        "que ya usa la guía «Certificado de Residencia»: la guía queda en "
        "/guias/peru-mismo-titulo/ (carpeta y nombre del archivo, como la URL de Hugo)."
    ) in out.splitlines()
    assert out.splitlines()[-1] == "2 created, 0 updated, 0 unchanged, 0 failed, 1 notice."


def test_when_the_path_slug_is_taken_too_a_number_is_added(tmp_path, make_guide):
    make_guide("otra-1", "Certificado de residencia", slug="certificado-de-residencia")
    make_guide("otra-2", "Otra", slug="peru-mismo-titulo")
    run(CORPUS / "peru" / "mismo_titulo.md")
    assert Guide.objects.get(translation_key="prueba-residencia-peru").slug == "peru-mismo-titulo-2"


def test_reimporting_keeps_the_slug_it_was_given():
    run(CORPUS / "chile" / "mismo_titulo.md", CORPUS / "peru" / "mismo_titulo.md")
    out = run(CORPUS / "peru" / "mismo_titulo.md", "--force")
    assert out == "0 created, 1 updated, 0 unchanged, 0 failed.\n"
    assert Guide.objects.get(translation_key="prueba-residencia-peru").slug == "peru-mismo-titulo"


def test_an_explicit_slug_that_is_taken_is_still_an_error(tmp_path, make_guide):
    make_guide("otra", "Otra", slug="ocupado")
    path = write(tmp_path, "x.md", "---\ntitle: X\ntranslationKey: x\nslug: ocupado\n---\nT\n")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_guides", str(path), stdout=StringIO(), stderr=err)
    assert "x.md, línea 4: «slug»" in err.getvalue()


# Point 9: a key given twice.
def test_a_repeated_key_with_the_same_value_is_a_warning_naming_file_key_and_value():
    source = read_guide_file(CORPUS / "peru" / "clave_repetida.md")
    assert source.translation_key == "prueba-clave-repetida"
    assert source.warnings == (
        "«translationKey» aparece 2 veces en la cabecera (líneas 2 y 6), con el mismo valor: "
        "se usa el último, «prueba-clave-repetida».",
    )
    out = run(CORPUS / "peru" / "clave_repetida.md")
    assert f"{CORPUS / 'peru' / 'clave_repetida.md'}: {source.warnings[0]}" in out.splitlines()


def test_a_repeated_key_with_different_values_says_which_one_is_used(tmp_path):
    path = write(
        tmp_path,
        "dos.md",
        "---\ntitle: Primero\ntranslationKey: dos\ntitle: Segundo\ntitle: Tercero\n---\nT\n",
    )
    source = read_guide_file(path)
    assert source.title == "Tercero"
    assert source.warnings == (
        "«title» aparece 3 veces en la cabecera (líneas 2, 4 y 5), con valores distintos: "
        "se usa el último, «Tercero».",
    )


def test_a_file_without_repeats_has_no_warning(seed_path):
    assert read_guide_file(seed_path).warnings == ()


# Point 10: the section index.
@pytest.mark.parametrize("name", ["_index.md", "_index.en.md"])
def test_a_section_index_is_skipped_not_failed(tmp_path, name):
    path = write(tmp_path, name, "---\ntitle: Sección\ntranslationKey: seccion\n---\n")
    out = run(path)  # no CommandError: nothing failed
    assert out.splitlines() == [
        f"{path}: índice de sección de Hugo (_index.md): no es una guía, se omite.",
        "0 created, 0 updated, 0 unchanged, 0 failed, 1 skipped (section index).",
    ]


def test_an_index_md_leaf_page_is_a_guide(tmp_path):
    path = write(tmp_path, "guia/index.md", "---\ntitle: Hoja\ntranslationKey: hoja\n---\nTexto\n")
    assert run(path) == "1 created, 0 updated, 0 unchanged, 0 failed.\n"


# Point 11: progress on a terminal.
def test_a_terminal_sees_a_progress_line_that_is_wiped_before_each_message():
    out = run(CORPUS, stdout=Terminal())
    for done in range(1, 6):
        assert f"\r{done}/5 archivos" in out
    # Wiped before each message and the summary: without the counts, the plain report.
    report = re.sub(r"\r\d/5 archivos|\r {12}\r", "", out)
    assert "\r" not in report
    assert report.splitlines()[0].endswith(
        "_index.md: índice de sección de Hugo (_index.md): no es una guía, se omite."
    )
    assert report.splitlines()[-1] == (
        "4 created, 0 updated, 0 unchanged, 0 failed, 1 skipped (section index), 2 notices."
    )


def test_no_progress_line_when_the_output_is_not_a_terminal():
    assert "archivos" not in run(CORPUS)


# The same translationKey twice in one run: the second replaces the first, and says so.
def test_a_second_file_with_the_same_key_in_one_run_is_reported(tmp_path):
    a = write(tmp_path, "a.md", "---\ntitle: Uno\ntranslationKey: misma\n---\nUno\n")
    b = write(tmp_path, "b.md", "---\ntitle: Dos\ntranslationKey: misma\n---\nDos\n")
    out = run(a, b)
    assert (
        f"{b}: translationKey «misma» ya lo trajo {a} en esta importación: este archivo "
        "reemplaza el texto de esa guía."
    ) in out.splitlines()
    assert out.splitlines()[-1] == "1 created, 1 updated, 0 unchanged, 0 failed, 1 notice."

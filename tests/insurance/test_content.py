"""The fixtures say what the source says, in a shape the pages can rely on."""

from collections import Counter

import pytest

from insurance.models import Note, Plan, Requirement, Section
from insurance.pages import ITEM_KINDS

pytestmark = pytest.mark.django_db

DEPENDANTS = ["conyuge", "concubino", "hijo-menor", "hijo-mayor-incapacitado", "gestante"]


def test_the_five_plans_are_there():
    assert list(Plan.objects.values_list("slug", flat=True)) == [
        "regular",
        "potestativo",
        "sctr",
        "agrario",
        "vida",
    ]


@pytest.mark.parametrize("slug", ["regular", "potestativo", "sctr", "agrario", "vida"])
def test_headings_never_skip_a_level(slug):
    levels = list(Section.objects.filter(plan__slug=slug).values_list("level", flat=True))
    assert levels[0] == 2
    for previous, level in zip(levels, levels[1:], strict=False):
        assert level <= previous + 1, f"{slug}: h{previous} followed by h{level}"


def test_items_of_a_section_have_distinct_positions():
    positions = Counter()
    for model, _ in ITEM_KINDS:
        positions.update(model.objects.values_list("section_id", "order"))
    assert [key for key, count in positions.items() if count > 1] == []


@pytest.mark.parametrize("person", DEPENDANTS)
@pytest.mark.parametrize("procedure", ["inscripcion", "baja"])
def test_regular_has_papers_for_every_dependant_both_ways(person, procedure):
    assert Requirement.objects.filter(
        section__plan__slug="regular", person__slug=person, procedure=procedure
    ).exists()


def test_apostille_belongs_to_divorce_abroad_not_in_peru():
    abroad = Requirement.objects.filter(circumstance="divorcio-extranjero")
    in_peru = Requirement.objects.filter(circumstance="divorcio-peru")
    assert abroad and all("Apostilla" in r.text for r in abroad)
    assert in_peru and not any("Apostilla" in r.text for r in in_peru)


def test_married_abroad_documents_are_alternatives():
    groups = set(
        Requirement.objects.filter(
            section__plan__slug="regular", procedure="baja", circumstance="matrimonio-extranjero"
        ).values_list("choice_group", flat=True)
    )
    assert len(groups) == 1 and groups != {""}


def test_the_potestativo_age_band_contradiction_is_explained():
    notes = Note.objects.filter(section__plan__slug="potestativo", kind="aclaracion")
    assert any("30 a 39" in note.text and "30 a 59" in note.text for note in notes)


def test_no_page_presents_the_2024_minimum_wage_as_current():
    # The source's "RMV = S/ 1,025.00" may only appear inside our dated clarification.
    for note in Note.objects.filter(text__contains="1,025"):
        assert note.kind == "aclaracion" and "2022" in note.text


# How we built the site is not the reader's business: a note cites its source (the EsSalud
# text, "nuestra tabla de cifras" for figures.md), never our files or our data.
BACKSTAGE = ("figures.md", "reglas de cálculo", "nuestros datos", "cifras verificadas")


def test_clarifications_cite_sources_not_our_workings():
    texts = [*Note.objects.values_list("text", flat=True)]
    texts += Requirement.objects.exclude(clarification="").values_list("clarification", flat=True)
    assert [t for t in texts if any(word in t for word in BACKSTAGE)] == []


def test_the_vida_premium_alone_is_sourced_to_payroll_software():
    """figures.md: the premium is "to confirm (payroll software sources, no official page
    seen)"; the deduction with written consent and the Formulario 6012 come from the same
    table, without that caveat."""
    (note,) = Note.objects.filter(section__plan__slug="vida", kind="aclaracion")
    premium, payment = note.text.split("; al trabajador dependiente", 1)
    assert "planillas" in premium and "por confirmar" in premium
    assert "planillas" not in payment and "Formulario 6012" in payment


def test_the_agrarian_9_percent_of_2028_is_said_to_be_unconfirmed_where_stated():
    """figures.md: the end of the 6% period (12/2027) is to confirm; the source's "A partir
    de 01/2028 ... 9%" on the Agrario page is followed by a note that says so."""
    section = Section.objects.get(plan__slug="agrario", anchor="afiliacion-dependiente")
    rule = section.contribution_rules.get(text__startswith="A partir de 01/2028")
    after = section.notes.get(order=rule.order + 1)
    assert after.kind == "aclaracion" and "por confirmar" in after.text
    assert "01/2029" in after.text


def test_where_to_get_a_form_says_what_the_source_lacks_not_what_its_links_do():
    """Our copy of the source has no address for the forms; what EsSalud's own page links
    to is not ours to say."""
    notes = Note.objects.filter(kind="aclaracion", text__contains="«Descarga»")
    assert len(notes) == 2  # Regular 5.2.1 and Potestativo 4.2.1
    for note in notes:
        assert "no da ninguna dirección" in note.text and "enlace" not in note.text

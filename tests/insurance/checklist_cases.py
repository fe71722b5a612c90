"""Every case of the checklist builder, and the papers each should list, written out from
the source by hand (shared by the checklist test modules).

Each requirement of a plan is named by a phrase only its own wording contains
(``DOCUMENTS``), so a case's expected requirements are a set of names; ``PAPERS`` says which
papers each requirement asks for, so a test can tell when a list asks for one paper twice.
"""

import itertools

import pytest

from insurance.checklists import Complete, build_checklist

# Every requirement of each plan, by a phrase unique to its wording.
DOCUMENTS = {
    "regular": {
        # 5.1, for every dependant
        "form-5.1": "firmado por el empleador o titular",
        "ids-5.1": "Documento de identidad del titular y de la persona",
        "death-peru-5.1": "emitida por Reniec o municipalidad",
        "death-abroad-5.1": "inscrita en el Consulado Peruano del país de origen",
        "other-reason-5.1": "distintos al fallecimiento",
        "third-party-5.1": "carta poder simple",
        # 5.1.1 and 5.1.2
        "divorce-5.1.1": "anotación marginal de divorcio",
        "divorce-abroad-5.1.1": "reconocimiento de sentencia de divorcio",
        "end-cohabitation-5.1.2": "uno o ambos ex concubinos",
        # 6 Cónyuge
        "spouse-form": "firmado por el asegurado titular y/o cónyuge",
        "married-peru": "en caso de matrimonio celebrado en el Perú",
        "married-abroad-enrol": "en caso de matrimonio celebrado en el extranjero",
        "death-peru-form": "Si falleció en el Perú",
        "death-abroad": "Si falleció en el extranjero",
        "divorce-peru": "Si el divorcio ocurrió en el Perú",
        "divorce-abroad": "Si el divorcio ocurrió en el extranjero",
        "married-abroad-register": "Registro Consular Peruano",
        "married-abroad-consulate": "Consulado Peruano del lugar de celebración del acto.",
        "married-abroad-apostille": "Consulado Peruano de su jurisdicción",
        # 7 Concubino(a)
        "partner-form": "firmado por el asegurado titular y/o concubino(a)",
        "union-recognition": "Reconocimiento de la Unión de Hecho",
        "end-cohabitation-7.1.2.1": "señalando la fecha de fin",
        # 8 Hijo(a) menor
        "child-form-enrol": "firmado por el asegurado titular o firma del padre",
        "child-birth": "Partida o acta de nacimiento del menor",
        "child-form-remove": "firmado por el titular del seguro o firma del padre",
        # 9 Hijo(a) mayor incapacitado
        "adult-child-form-enrol": "curador del hijo mayor incapacitado.",
        "disability-ruling": "Dictamen de Incapacidad otorgado",
        "adult-child-birth": "Formato de Declaración Jurada debidamente llenado y firmado, en el",
        "adult-child-form-remove": "curador del hijo mayor incapacitado en forma total",
        # 10 Gestante
        "pregnant-form-enrol": "Formulario N°1010, llenado y firmado por el asegurado titular.",
        "paternity": "reconocimiento del concebido",
        "pregnant-form-remove": "firma y sello del representante legal",
        # 13 and 15
        "accreditation": "acreditación vigente",
        "identity-13.1": "Permiso Temporal de permanencia",
        "change-form": "Formulario N°1010 debidamente llenado y firmado.",
        "work-reasons": "motivos laborales",
    },
    "potestativo": {
        "identity": "DNI o carnet de extranjería vigente",
        "contract": "Suscripción del contrato",
        "form": "sin borrones ni enmendaduras",
        "marriage": "matrimonio civil, con una antigüedad no mayor a 6 meses",
        "union": "reconocimiento de unión de hecho",
        "child-birth": "Copia simple y legible del acta o partida de nacimiento",
        "adult-child-birth": "Copia del acta o partida de nacimiento",
        "disability-statement": "dictamen médico de incapacidad",
        # 4.2.2 "Presenta el formulario correctamente lleno, tu contrato firmado, tu
        # documento de identidad y el de los dependientes que desees afiliar."
        "family-form": "El formulario correctamente lleno",
        "family-contract": "Tu contrato firmado",
        "family-own-id": "Tu documento de identidad",
        "family-dependants-id": "identidad de los dependientes",
    },
    "sctr": {
        "form-6004": "Formulario N° 6004",
        "clauses": "Cláusulas Generales",
        "ruc": "Contar con RUC",
        "foreigner-id": "carné de extranjería",
        "form-6056": "Formulario N° 6056",
        "private-contract": "(Entidades Privadas)",
        "public-conditions": "(Entidades Públicas)",
    },
    "agrario": {
        "identity": "Presentar su documento de identidad",
        "medical-evaluation": "Constancia de evaluación médica",
    },
}

FORM_1010 = {"formulario-1010"}
# The papers each requirement asks for. Two items of one list must never share a paper.
PAPERS = {
    "regular": {
        "form-5.1": FORM_1010,
        "ids-5.1": {"identidad-titular", "identidad-familiar"},
        "death-peru-5.1": {"partida-defuncion"},
        "death-abroad-5.1": {"partida-defuncion"},
        "other-reason-5.1": {"sustento-otro-motivo"},
        # Also "documento de identidad del afiliado (titular)": the same as ids-5.1's, in
        # one bullet with the letter of authorisation; its Aclaración says so on the page
        # (test_the_third_partys_id_is_said_to_be_the_titulars).
        "third-party-5.1": {"carta-poder"},
        "divorce-5.1.1": {"prueba-divorcio"},
        "divorce-abroad-5.1.1": {"prueba-divorcio"},
        "end-cohabitation-5.1.2": {"declaracion-fin-concubinato"},
        "spouse-form": FORM_1010,
        "married-peru": {"partida-matrimonio"},
        "married-abroad-enrol": {"partida-matrimonio"},
        "death-peru-form": FORM_1010,
        "death-abroad": {"partida-defuncion"},
        "divorce-peru": {"prueba-divorcio"},
        "divorce-abroad": {"prueba-divorcio"},
        "married-abroad-register": {"partida-matrimonio-extranjero"},
        "married-abroad-consulate": {"partida-matrimonio-extranjero"},
        "married-abroad-apostille": {"partida-matrimonio-extranjero"},
        "partner-form": FORM_1010,
        "union-recognition": {"union-de-hecho"},
        "end-cohabitation-7.1.2.1": {"declaracion-fin-concubinato"},
        "child-form-enrol": FORM_1010,
        "child-birth": {"partida-nacimiento"},
        "child-form-remove": FORM_1010,
        "adult-child-form-enrol": FORM_1010,
        "disability-ruling": {"dictamen-incapacidad"},
        "adult-child-birth": {"partida-nacimiento", "declaracion-dictamen"},
        "adult-child-form-remove": FORM_1010,
        "pregnant-form-enrol": FORM_1010,
        "paternity": {"reconocimiento-concebido"},
        "pregnant-form-remove": FORM_1010,
        "accreditation": {"acreditacion"},
        "identity-13.1": {"identidad-titular"},
        "change-form": FORM_1010,
        "work-reasons": {"firma-del-empleador"},  # a condition of the form, not a second one
    },
    "potestativo": {
        "identity": {"identidad-titular"},
        "contract": {"contrato"},
        "form": FORM_1010,
        "marriage": {"partida-matrimonio"},
        "union": {"union-de-hecho"},
        "child-birth": {"partida-nacimiento"},
        "adult-child-birth": {"partida-nacimiento"},
        "disability-statement": {"declaracion-dictamen"},
        "family-form": FORM_1010,
        "family-contract": {"contrato"},
        "family-own-id": {"identidad-titular"},
        "family-dependants-id": {"identidad-familiar"},
    },
    "sctr": {
        "form-6004": {"formulario-6004"},
        "clauses": {"clausulas"},
        "ruc": {"ruc"},
        "foreigner-id": {"identidad-titular"},
        "form-6056": {"formulario-6056"},
        "private-contract": {"contrato-sctr"},
        "public-conditions": {"contrato-sctr"},
    },
    "agrario": {
        "identity": {"identidad-titular"},
        "medical-evaluation": {"evaluacion-medica"},
    },
}

# Regular: what kind of titular you are changes who registers your family (section 11).
TITULARS = ("trabajador", "pensionista", "pescador-artesanal", "otro")

REMOVAL_BASE = {"form-5.1", "ids-5.1"}
# The papers each answer brings to a removal, by person: (question, answer) -> documents.
REMOVAL_PARTS = {
    ("motivo", "fallecimiento", "peru"): {"death-peru-5.1", "death-peru-form"},
    ("motivo", "fallecimiento", "extranjero"): {"death-abroad-5.1", "death-abroad"},
    ("motivo", "otro", None): {"other-reason-5.1"},
    ("tercero", "si"): {"third-party-5.1"},
    ("tercero", "no"): set(),
}
SPOUSE_REMOVAL_PARTS = {
    ("motivo", "divorcio", "peru"): {"divorce-5.1.1", "divorce-peru"},
    ("motivo", "divorcio", "extranjero"): {
        "divorce-5.1.1",
        "divorce-abroad-5.1.1",
        "divorce-abroad",
    },
    ("matrimonio", "peru"): set(),
    ("matrimonio", "extranjero"): {
        "married-abroad-register",
        "married-abroad-consulate",
        "married-abroad-apostille",
    },
}
PERSON_REMOVAL_FORM = {
    "conyuge": "spouse-form",
    "concubino": "partner-form",
    "hijo-menor": "child-form-remove",
    "hijo-mayor-incapacitado": "adult-child-form-remove",
}


def _param(slug, answers, expected):
    return pytest.param(slug, answers, expected, id="-".join([slug, *answers.values()]))


def _removal_cases():
    """Every removal of Seguro Regular 5 to 9, with the papers each answer brings."""
    motives = [
        ("fallecimiento", "peru"),
        ("fallecimiento", "extranjero"),
        ("otro", None),
    ]
    for person, form in PERSON_REMOVAL_FORM.items():
        person_motives = list(motives)
        if person == "conyuge":
            person_motives += [("divorcio", "peru"), ("divorcio", "extranjero")]
        if person == "concubino":
            person_motives += [("fin-concubinato", None)]
        marriages = ["peru", "extranjero"] if person == "conyuge" else [None]
        for (motive, place), marriage, third, titular in itertools.product(
            person_motives, marriages, ["no", "si"], TITULARS
        ):
            answers = {"tramite": "baja", "familiar": person, "motivo": motive}
            expected = REMOVAL_BASE | {form} | REMOVAL_PARTS[("tercero", third)]
            parts = {**REMOVAL_PARTS, **SPOUSE_REMOVAL_PARTS}
            if motive == "fin-concubinato":
                expected |= {"end-cohabitation-5.1.2", "end-cohabitation-7.1.2.1"}
            else:
                expected |= parts[("motivo", motive, place)]
            if place:
                answers["lugar"] = place
            if marriage:
                answers["matrimonio"] = marriage
                expected |= parts[("matrimonio", marriage)]
            answers["tercero"] = third
            answers["titular"] = titular
            yield _param("regular", answers, expected)


def _for_every_titular(slug, answers, expected):
    for titular in TITULARS:
        yield _param(slug, {**answers, "titular": titular}, expected)


FAMILY = {"family-form", "family-contract", "family-own-id", "family-dependants-id"}
# Cases written out one by one: the rest of the source.
CASES = [
    # Regular 6.1.1: the marriage certificate depends on where they married.
    *_for_every_titular("regular", {"tramite": "inscripcion", "familiar": "conyuge",
                                    "matrimonio": "peru"}, {"spouse-form", "married-peru"}),
    *_for_every_titular("regular", {"tramite": "inscripcion", "familiar": "conyuge",
                                    "matrimonio": "extranjero"},
                        {"spouse-form", "married-abroad-enrol"}),
    *_for_every_titular("regular", {"tramite": "inscripcion", "familiar": "concubino"},
                        {"partner-form", "union-recognition"}),
    *_for_every_titular("regular", {"tramite": "inscripcion", "familiar": "hijo-menor"},
                        {"child-form-enrol", "child-birth"}),
    *_for_every_titular("regular", {"tramite": "inscripcion",
                                    "familiar": "hijo-mayor-incapacitado"},
                        {"adult-child-form-enrol", "disability-ruling", "adult-child-birth"}),
    *_for_every_titular("regular", {"tramite": "inscripcion", "familiar": "gestante"},
                        {"pregnant-form-enrol", "paternity"}),
    # Regular 10.1.2: the gestante is removed only if she dies, by the titular himself.
    _param("regular", {"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento",
                       "lugar": "peru"},
           {"form-5.1", "ids-5.1", "pregnant-form-remove", "death-peru-5.1", "death-peru-form"}),
    _param("regular", {"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento",
                       "lugar": "extranjero"},
           {"form-5.1", "ids-5.1", "pregnant-form-remove", "death-abroad-5.1", "death-abroad"}),
    # Regular 13 and 15.
    _param("regular", {"tramite": "consulta-establecimiento"}, {"accreditation", "identity-13.1"}),
    _param("regular", {"tramite": "cambio-establecimiento", "laboral": "no"}, {"change-form"}),
    _param("regular", {"tramite": "cambio-establecimiento", "laboral": "si"},
           {"change-form", "work-reasons"}),
    # Potestativo 3.1 for the titular; 4.1.x person by person, plus what 4.2.2 says to bring.
    _param("potestativo", {"familiar": "titular"}, {"identity", "contract", "form"}),
    _param("potestativo", {"familiar": "conyuge"}, {"marriage", *FAMILY}),
    _param("potestativo", {"familiar": "concubino"}, {"union", *FAMILY}),
    _param("potestativo", {"familiar": "hijo-menor"}, {"child-birth", *FAMILY}),
    _param("potestativo", {"familiar": "hijo-mayor-incapacitado"},
           {"adult-child-birth", "disability-statement", *FAMILY}),
    # SCTR 2 (the foreigner's paper only for foreigners) and 7.
    _param("sctr", {"trabajador": "independiente", "nacionalidad": "peruana"},
           {"form-6004", "clauses", "ruc"}),
    _param("sctr", {"trabajador": "independiente", "nacionalidad": "extranjera"},
           {"form-6004", "clauses", "ruc", "foreigner-id"}),
    _param("sctr", {"trabajador": "dependiente"},
           {"form-6056", "private-contract", "public-conditions"}),
    # Agrario 2: 70 and over add the medical evaluation.
    _param("agrario", {"edad": "menos-de-70"}, {"identity"}),
    _param("agrario", {"edad": "70-o-mas"}, {"identity", "medical-evaluation"}),
]  # fmt: skip
ALL_CASES = [*CASES, *_removal_cases()]


def checklist_for(contents, slug, answers):
    content = contents[slug]
    outcome = content.flow.resolve(answers)
    assert isinstance(outcome, Complete), outcome
    return build_checklist(content, outcome.case)


def every_checklist(contents):
    """(plan slug, checklist) for every complete case of every plan."""
    for slug, content in contents.items():
        for case in content.flow.complete_cases():
            yield slug, build_checklist(content, case)


def name_of(slug, text):
    matches = [name for name, phrase in DOCUMENTS[slug].items() if phrase in text]
    assert len(matches) == 1, f"{text!r} is named {matches}"
    return matches[0]


def names_in(slug, checklist) -> set[str]:
    """Every requirement the list stands for, shown or merged into a shown one."""
    return {
        name_of(slug, r.text) for document in checklist.documents for r in document.requirements
    }


def papers_of(slug, item) -> set[str]:
    """The papers one item of a list asks for (a choice: the one it is a choice of)."""
    return {
        paper
        for document in item.documents
        for requirement in document.requirements
        for paper in PAPERS[slug][name_of(slug, requirement.text)]
    }

"""What the requirement tags cannot say, by procedure and person, citing the source section:
who carries out the procedure, which steps and notes go with it, SCTR's two routes.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

# Who carries out the procedure; the template words each one (checklists/_doer.html).
EMPLOYER_PAYROLL = "empleador-planilla"
TITULAR_IN_PERSON = "titular-ospe"
INSURED_AT_OSPE = "asegurado-ospe"
ONLINE = "en-linea"
TITULAR_OR_REPRESENTATIVE = "titular-o-representante-ospe"
TITULAR_OSPE_OR_MAC = "titular-ospe-mac"
INDEPENDENT_AT_OSPE = "independiente-ospe"
EMPLOYER_SCTR = "empleador-sctr"
NOT_STATED = "no-indicado"
DOERS = (
    EMPLOYER_PAYROLL,
    TITULAR_IN_PERSON,
    INSURED_AT_OSPE,
    ONLINE,
    TITULAR_OR_REPRESENTATIVE,
    TITULAR_OSPE_OR_MAC,
    INDEPENDENT_AT_OSPE,
    EMPLOYER_SCTR,
    NOT_STATED,
)

# Outcomes that are an explanation rather than a list (checklists/explanations/_<code>.html).
AUTOMATIC_REMOVAL = "baja-automatica-gestante"
EXPLANATIONS = (AUTOMATIC_REMOVAL,)

REGULAR_DEPENDANTS = ("conyuge", "concubino", "hijo-menor", "hijo-mayor-incapacitado")
POTESTATIVO_DEPENDANTS = REGULAR_DEPENDANTS


@dataclass(frozen=True)
class Route:
    """Where the source describes one procedure for some persons, and what goes with it.

    Anchors may contain ``{person}``, replaced by the person's slug. ``persons=None`` means
    the procedure is not about a family member (the question is not asked).
    """

    plan: str
    procedure: str
    persons: tuple[str, ...] | None
    doer: str
    doer_sections: tuple[str, ...] = ()
    track: str = ""  # SCTR: the answer to "trabajador"
    only_sections: tuple[str, ...] = ()  # restrict the requirements to these sections
    steps: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    effect: str = ""  # the section whose text says what the procedure does to coverage
    waiting_period: bool = False
    skip: frozenset[str] = frozenset()  # questions the source rules out for this route
    explain: Mapping[tuple[str, str], str] = field(default_factory=dict)
    links_from: tuple[str, ...] = ()  # plan sections that link to this route's checklist

    def matches(self, procedure, person, track=None) -> bool:
        if self.procedure != procedure:
            return False
        if self.persons is None:
            if person is not None:
                return False
        elif person not in self.persons:
            return False
        return track is None or self.track == track

    def includes(self, anchor: str) -> bool:
        """Whether the requirements of section ``anchor`` belong to this route."""
        return not self.only_sections or anchor in self.only_sections

    def anchors(self, names, person) -> tuple[str, ...]:
        return tuple(name.format(person=person or "") for name in names)


ROUTES = (
    # Seguro Regular 5, 6.2...10.2, 12: the employer registers and removes dependants through
    # the Planilla Electrónica (T-Registro); the OSPE only when that record is missing.
    Route(
        "regular",
        "inscripcion",
        REGULAR_DEPENDANTS,
        EMPLOYER_PAYROLL,
        doer_sections=("derechohabientes", "registro-derechohabientes"),
        steps=("{person}-pasos",),
        effect="{person}-inscripcion",
        waiting_period=True,
        links_from=("{person}",),
    ),
    # 5.2 "Importante": the gestante's removal is automatic after the 42 days of puerperium.
    Route(
        "regular",
        "inscripcion",
        ("gestante",),
        EMPLOYER_PAYROLL,
        doer_sections=("derechohabientes", "registro-derechohabientes"),
        steps=("gestante-pasos",),
        notes=("pasos-desafiliacion",),
        effect="gestante-inscripcion",
        waiting_period=True,
        links_from=("gestante",),
    ),
    Route(
        "regular",
        "baja",
        REGULAR_DEPENDANTS,
        EMPLOYER_PAYROLL,
        doer_sections=("derechohabientes", "registro-derechohabientes"),
        steps=("pasos-desafiliacion",),
        effect="{person}-baja",
        links_from=("{person}",),
    ),
    # 5.2 "Importante": the gestante's removal is automatic after 42 days of puerperium;
    # only if she dies does the titular remove her, "yendo él mismo" to an OSPE: no third
    # party, no other motive.
    Route(
        "regular",
        "baja",
        ("gestante",),
        TITULAR_IN_PERSON,
        doer_sections=("pasos-desafiliacion",),
        steps=("pasos-desafiliacion",),
        notes=("pasos-desafiliacion", "gestante-baja"),
        effect="gestante-baja",
        skip=frozenset({"tercero"}),
        explain={("motivo", "otro"): AUTOMATIC_REMOVAL},
        links_from=("gestante",),
    ),
    # 15: the insured person at an OSPE; a spouse, partner, parent or guardian may go instead.
    Route(
        "regular",
        "cambio-establecimiento",
        None,
        INSURED_AT_OSPE,
        doer_sections=("cambio-establecimiento",),
        steps=("cambio-establecimiento-pasos",),
        effect="cambio-establecimiento",
        links_from=("cambio-establecimiento",),
    ),
    # 13: looked up online in "Dónde me atiendo".
    Route(
        "regular",
        "consulta-establecimiento",
        None,
        ONLINE,
        doer_sections=("establecimiento-asignado",),
        effect="establecimiento-asignado",
        links_from=("establecimiento-asignado",),
    ),
    # Potestativo 3.2.1: the titular or a legal representative, at an OSPE.
    Route(
        "potestativo",
        "inscripcion",
        ("titular",),
        TITULAR_OR_REPRESENTATIVE,
        doer_sections=("pasos-afiliacion-individual",),
        steps=("pasos-afiliacion-individual",),
        effect="afiliacion-individual",
        waiting_period=True,
        links_from=("afiliacion-individual",),
    ),
    # Potestativo 4.2.2: the titular, at an OSPE or a Centro MAC.
    Route(
        "potestativo",
        "inscripcion",
        POTESTATIVO_DEPENDANTS,
        TITULAR_OSPE_OR_MAC,
        doer_sections=("pasos-afiliacion-familiares",),
        steps=("pasos-afiliacion-familiares",),
        notes=("pasos-afiliacion-familiares",),
        effect="afiliacion-familiares",
        waiting_period=True,
        links_from=("{person}",),
    ),
    # SCTR 2: the independent worker, at an OSPE.
    Route(
        "sctr",
        "inscripcion",
        ("titular",),
        INDEPENDENT_AT_OSPE,
        doer_sections=("afiliacion-independiente", "pasos-afiliacion-independiente"),
        track="independiente",
        only_sections=("afiliacion-independiente",),
        steps=("pasos-afiliacion-independiente",),
        links_from=("afiliacion-independiente",),
    ),
    # SCTR 7: the employer registers at an OSPE, then enrols its workers through T-Registro.
    Route(
        "sctr",
        "inscripcion",
        ("titular",),
        EMPLOYER_SCTR,
        doer_sections=("afiliacion-dependientes", "pasos-afiliacion-dependientes"),
        track="dependiente",
        only_sections=("requisitos-afiliacion-dependientes",),
        steps=("pasos-afiliacion-dependientes",),
        links_from=("afiliacion-dependientes",),
    ),
    # Agrario 2: the source does not say who files the papers, or where. Section 1's
    # "Importante" (new independent enrolments suspended) goes with every case.
    Route(
        "agrario",
        "inscripcion",
        ("titular",),
        NOT_STATED,
        notes=("descripcion",),
        waiting_period=True,
        links_from=("condiciones",),
    ),
)

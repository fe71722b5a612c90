"""What the requirement tags cannot say, by procedure and person, citing the source section:
who carries out the procedure, which steps and notes go with it, SCTR's two routes.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

# Who carries out the procedure; the template words each one (checklists/_doer.html).
EMPLOYER_PAYROLL = "empleador-planilla"
PENSION_PAYER = "entidad-pension"
FISHERS_ORGANISATION = "organizacion-social"
TITULAR_OSPE_OR_ONLINE = "titular-ospe-viva"
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
    PENSION_PAYER,
    FISHERS_ORGANISATION,
    TITULAR_OSPE_OR_ONLINE,
    TITULAR_IN_PERSON,
    INSURED_AT_OSPE,
    ONLINE,
    TITULAR_OR_REPRESENTATIVE,
    TITULAR_OSPE_OR_MAC,
    INDEPENDENT_AT_OSPE,
    EMPLOYER_SCTR,
    NOT_STATED,
)


@dataclass(frozen=True)
class Doer:
    """Who carries out a procedure (one of ``DOERS``), and the sections that say so."""

    code: str
    sections: tuple[str, ...] = ()


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
    doer: Doer
    # Who does it by the kind of titular (the answer to "titular"), where that changes
    # it; empty: the question is not asked and ``doer`` does it.
    doer_by_titular: Mapping[str, Doer] = field(default_factory=dict)
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

    def doer_for(self, titular: str | None) -> Doer:
        return self.doer_by_titular.get(titular, self.doer)

    @property
    def doers(self) -> tuple[Doer, ...]:
        return (self.doer, *self.doer_by_titular.values())


# Seguro Regular 5, 11 and 12: the employer registers and removes the dependants of its
# workers through the Planilla Electrónica (T-Registro); pensioners are registered by the
# ONP or AFP and independent artisanal fishers by their Organización Social, and the source
# does not say who registers their dependants. Any titular may go to one of the 35 OSPE
# (12) or use EsSalud VIVA online (figures.md).
REGULAR_DOERS = {
    "trabajador": Doer(EMPLOYER_PAYROLL, ("derechohabientes", "registro-derechohabientes")),
    "pensionista": Doer(PENSION_PAYER, ("registro-trabajadores", "registro-derechohabientes")),
    "pescador-artesanal": Doer(
        FISHERS_ORGANISATION, ("registro-trabajadores", "registro-derechohabientes")
    ),
    "otro": Doer(TITULAR_OSPE_OR_ONLINE, ("registro-derechohabientes",)),
}

ROUTES = (
    Route(
        "regular",
        "inscripcion",
        REGULAR_DEPENDANTS,
        REGULAR_DOERS["trabajador"],
        REGULAR_DOERS,
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
        REGULAR_DOERS["trabajador"],
        REGULAR_DOERS,
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
        REGULAR_DOERS["trabajador"],
        REGULAR_DOERS,
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
        Doer(TITULAR_IN_PERSON, ("pasos-desafiliacion",)),
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
        Doer(INSURED_AT_OSPE, ("cambio-establecimiento",)),
        steps=("cambio-establecimiento-pasos",),
        effect="cambio-establecimiento",
        links_from=("cambio-establecimiento",),
    ),
    # 13: looked up online in "Dónde me atiendo".
    Route(
        "regular",
        "consulta-establecimiento",
        None,
        Doer(ONLINE, ("establecimiento-asignado",)),
        effect="establecimiento-asignado",
        links_from=("establecimiento-asignado",),
    ),
    # Potestativo 3.2.1: the titular or a legal representative, at an OSPE, with the papers
    # of 3.1 (not those 4.2.2 asks of the titular who enrols a family).
    Route(
        "potestativo",
        "inscripcion",
        ("titular",),
        Doer(TITULAR_OR_REPRESENTATIVE, ("pasos-afiliacion-individual",)),
        only_sections=("requisitos-afiliacion-individual",),
        steps=("pasos-afiliacion-individual",),
        effect="afiliacion-individual",
        waiting_period=True,
        links_from=("afiliacion-individual",),
    ),
    # Potestativo 4.2.2: the titular, at an OSPE or a Centro MAC, with the papers of 4.1 and
    # those 4.2.2 names.
    Route(
        "potestativo",
        "inscripcion",
        POTESTATIVO_DEPENDANTS,
        Doer(TITULAR_OSPE_OR_MAC, ("pasos-afiliacion-familiares",)),
        steps=("pasos-afiliacion-familiares",),
        effect="afiliacion-familiares",
        waiting_period=True,
        links_from=("{person}",),
    ),
    # SCTR 2: the independent worker, at an OSPE.
    Route(
        "sctr",
        "inscripcion",
        ("titular",),
        Doer(INDEPENDENT_AT_OSPE, ("afiliacion-independiente", "pasos-afiliacion-independiente")),
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
        Doer(EMPLOYER_SCTR, ("afiliacion-dependientes", "pasos-afiliacion-dependientes")),
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
        Doer(NOT_STATED),
        notes=("descripcion",),
        waiting_period=True,
        links_from=("condiciones",),
    ),
)

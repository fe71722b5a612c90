"""The builder's questions, the words each can be answered with, and what the answers mean.

Each question is a query-string parameter; ``Answers`` keeps them in question order and
``active_circumstances`` turns them into the fixtures' circumstance tags.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from ..models import Requirement

# The questions, in the order they are asked; each is a query-string parameter.
QUESTIONS = (
    "tramite",
    "familiar",
    "trabajador",
    "motivo",
    "lugar",
    "matrimonio",
    "tercero",
    "laboral",
    "nacionalidad",
    "edad",
    # Last, so that a list bookmarked before it was asked still opens (with this question).
    "titular",
)

# Every value a parameter can take on any plan. A value outside these is an error (400); a
# value inside them that a plan or case does not use is a case the source does not describe.
VOCABULARY = {
    "tramite": tuple(Requirement.Procedure.values),
    "familiar": (
        "titular",
        "conyuge",
        "concubino",
        "hijo-menor",
        "hijo-mayor-incapacitado",
        "gestante",
    ),
    "trabajador": ("independiente", "dependiente"),
    "motivo": ("fallecimiento", "divorcio", "fin-concubinato", "otro"),
    "lugar": ("peru", "extranjero"),
    "matrimonio": ("peru", "extranjero"),
    "tercero": ("no", "si"),
    "laboral": ("no", "si"),
    "nacionalidad": ("peruana", "extranjera"),
    "edad": ("menos-de-70", "70-o-mas"),
    # What kind of titular you are, where it changes who registers your family (Regular 11).
    "titular": ("trabajador", "pensionista", "pescador-artesanal", "otro"),
}

C = Requirement.Circumstance
# The circumstance each motive brings, and the motive each circumstance belongs to.
MOTIVE_CIRCUMSTANCE = {
    "fallecimiento": C.DEATH,
    "divorcio": C.DIVORCE,
    "fin-concubinato": C.END_COHABITATION,
    "otro": C.OTHER_REASON,
}
MOTIVE_OF = {
    C.DEATH: "fallecimiento",
    C.DEATH_PERU: "fallecimiento",
    C.DEATH_ABROAD: "fallecimiento",
    C.DIVORCE: "divorcio",
    C.DIVORCE_PERU: "divorcio",
    C.DIVORCE_ABROAD: "divorcio",
    C.END_COHABITATION: "fin-concubinato",
    C.OTHER_REASON: "otro",
}
# Motives the source splits by place ("si falleció en el Perú / en el extranjero").
PLACED_MOTIVES = ("fallecimiento", "divorcio")
# Questions asked only when a requirement carries their circumstance: (circumstance, the
# answer that brings it).
FLAG_QUESTIONS = {
    "tercero": (C.THIRD_PARTY, "si"),
    "laboral": (C.WORK_REASONS, "si"),
    "nacionalidad": (C.FOREIGNER, "extranjera"),
    "edad": (C.AGED_70_PLUS, "70-o-mas"),
}
MARRIAGE_CIRCUMSTANCES = {"peru": C.MARRIED_PERU, "extranjero": C.MARRIED_ABROAD}
# The circumstance the kind of titular brings: some steps say "entrégale ... a tu
# empleador", others promise cover after three months of contributions, which a pensioner
# does not wait for.
TITULAR_CIRCUMSTANCES = {"trabajador": C.TITULAR_WITH_EMPLOYER, "pensionista": C.TITULAR_PENSIONER}


@dataclass(frozen=True)
class Answers:
    """Answers in question order; ``implied`` ones had a single possible value."""

    pairs: tuple[tuple[str, str], ...] = ()
    implied: frozenset[str] = frozenset()

    def get(self, question, default=None):
        for name, value in self.pairs:
            if name == question:
                return value
        return default

    def __contains__(self, question):
        return any(name == question for name, _ in self.pairs)

    def with_answer(self, question, value, implied=False) -> "Answers":
        return Answers(
            self.pairs + ((question, value),),
            self.implied | {question} if implied else self.implied,
        )

    def before(self, question) -> "Answers":
        index = QUESTIONS.index(question)
        pairs = tuple((q, v) for q, v in self.pairs if QUESTIONS.index(q) < index)
        return Answers(pairs, self.implied & {q for q, _ in pairs})

    @property
    def asked(self) -> tuple[tuple[str, str], ...]:
        """The answers a person gave (the ones the URL carries)."""
        return tuple((q, v) for q, v in self.pairs if q not in self.implied)

    @property
    def query(self) -> str:
        return urlencode(self.asked)


NO_ANSWERS = Answers()  # a request with no answers yet; shared, as Answers is frozen


@dataclass(frozen=True)
class Case:
    """A complete case: every question the plan asks for it is answered."""

    plan: str
    answers: Answers

    def get(self, question, default=None):
        return self.answers.get(question, default)

    @property
    def circumstances(self) -> frozenset[str]:
        return active_circumstances(self.answers)


def active_circumstances(answers: Answers) -> frozenset[str]:
    active = set()
    motive = answers.get("motivo")
    if motive:
        active.add(MOTIVE_CIRCUMSTANCE[motive])
        place = answers.get("lugar")
        if place and motive in PLACED_MOTIVES:
            active.add(f"{motive}-{place}")
    marriage = answers.get("matrimonio")
    if marriage:
        active.add(MARRIAGE_CIRCUMSTANCES[marriage])
    titular = TITULAR_CIRCUMSTANCES.get(answers.get("titular"))
    if titular:
        active.add(titular)
    for question, (circumstance, yes) in FLAG_QUESTIONS.items():
        if answers.get(question) == yes:
            active.add(circumstance)
    return frozenset(active)

"""The EsSalud plans catalogue, as the source text describes it.

Every row comes from the YAML fixtures in ``fixtures/plans/`` (``manage.py loadcontent``):
the fixtures are the one source of plan content. A plan page is a list of ``Section``s in
source order; each typed item (coverage, exclusion, requirement...) belongs to a section so
the page can be rendered in the source's order while the checklist builder, the calculator
and the wizard query the items by what they mean.

Items have no slug of their own: their natural key is (plan, section anchor, order), so
fixtures never depend on auto-increment ids and reloading them updates rows in place.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils.translation import gettext_lazy as _

from tramitit.links import reverse_cached


class PlanManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Plan(models.Model):
    """One of the five EsSalud plans."""

    class Nature(models.TextChoices):
        """What the source says about having to join, shown as the plan's badge."""

        COMPULSORY = "obligatorio", _("Obligatorio")
        # Seguro Agrario: the source lists dependent agrarian workers under the compulsory
        # Seguro Regular ("Comprende"), but says nothing of the kind for independents.
        COMPULSORY_FOR_EMPLOYEES = "obligatorio-dependientes", _("Obligatorio para dependientes")
        VOLUNTARY = "voluntario", _("Voluntario")
        COMPLEMENTARY = "complementario", _("Complementario")

    slug = models.SlugField(
        unique=True, help_text=_("Parte de la URL: /seguros/regular/ tiene el slug «regular».")
    )
    name = models.CharField(_("nombre"), max_length=120)
    brand = models.CharField(
        _("marca"), max_length=40, blank=True, help_text=_("Nombre comercial, p. ej. +SEGURO.")
    )
    nature = models.CharField(_("naturaleza"), max_length=30, choices=Nature.choices)
    nature_note = models.CharField(
        _("otra etiqueta"),
        max_length=100,
        blank=True,
        help_text=_("Una segunda etiqueta, p. ej. «Independientes: inscripciones suspendidas»."),
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)
    # The four texts below are ours, in plain Spanish for someone new to EsSalud (the
    # sections keep the source's wording); every statement in them is the source's.
    summary = models.TextField(
        _("resumen"),
        help_text=_("Una o dos frases sencillas: qué es y para quién (tarjetas, buscadores)."),
    )
    audience = models.TextField(_("para quién es"), blank=True)
    enrolment = models.TextField(
        _("quién te inscribe"), blank=True, help_text=_("Quién hace la afiliación, y dónde.")
    )
    waiting_period = models.TextField(
        _("periodo de carencia"), blank=True, help_text=_("Cuándo empieza la cobertura.")
    )
    covers_note = models.TextField(
        _("aclaración sobre a quién cubre"),
        blank=True,
        help_text=_("Lo que la fuente dice, o no dice, de los familiares cubiertos."),
    )
    legal_basis = models.CharField(_("base legal"), max_length=200, blank=True)
    covers = models.ManyToManyField(
        "Person",
        blank=True,
        related_name="plans",
        verbose_name=_("personas que puede cubrir"),
    )

    objects = PlanManager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("seguro")
        verbose_name_plural = _("seguros")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_cached("insurance:plan_detail", self.slug)

    def natural_key(self):
        return (self.slug,)


class PersonManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Person(models.Model):
    """Who a procedure is about: the titular or one kind of dependant (derechohabiente)."""

    slug = models.SlugField(unique=True, help_text=_("Usado en las URLs de los requisitos."))
    name = models.CharField(_("nombre"), max_length=120)
    description = models.TextField(_("descripción"), blank=True)
    is_dependant = models.BooleanField(_("es derechohabiente"), default=True)
    order = models.PositiveSmallIntegerField(_("orden"), default=0)

    objects = PersonManager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("persona asegurable")
        verbose_name_plural = _("personas asegurables")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class FormManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Form(models.Model):
    """An EsSalud form the source names (Formulario 1010, 6004, 6056...)."""

    code = models.CharField(_("número"), max_length=20, unique=True)
    name = models.CharField(
        _("nombre"), max_length=200, blank=True, help_text=_("Vacío si la fuente no lo nombra.")
    )
    url = models.URLField(
        _("enlace oficial"),
        blank=True,
        help_text=_("Solo un enlace oficial comprobado; vacío si la fuente no lo da."),
    )

    objects = FormManager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("formulario")
        verbose_name_plural = _("formularios")

    def __str__(self):
        return f"Formulario {self.code}"

    def natural_key(self):
        return (self.code,)


class SectionManager(models.Manager):
    def get_by_natural_key(self, plan_slug, anchor):
        return self.get(plan__slug=plan_slug, anchor=anchor)


class Section(models.Model):
    """A numbered section of a plan page, in the source's order.

    ``body`` is plain text: blank lines separate paragraphs and lines starting with "- "
    become a bullet list (see ``insurance.text``); no HTML is ever trusted from it.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    anchor = models.SlugField(_("ancla"), help_text=_("El #fragmento de la URL de la sección."))
    number = models.CharField(_("número"), max_length=20, blank=True)
    title = models.CharField(_("título"), max_length=200)
    level = models.PositiveSmallIntegerField(
        _("nivel"), default=2, help_text=_("2 = sección principal (aparece en el índice).")
    )
    order = models.PositiveSmallIntegerField(_("orden"))
    body = models.TextField(_("texto"), blank=True)

    objects = SectionManager()

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = _("sección")
        verbose_name_plural = _("secciones")
        constraints = [
            models.UniqueConstraint(fields=["plan", "anchor"], name="section_unique_anchor"),
            models.UniqueConstraint(fields=["plan", "order"], name="section_unique_order"),
            models.CheckConstraint(condition=models.Q(level__in=[2, 3, 4]), name="section_level"),
        ]

    def __str__(self):
        return f"{self.plan.slug} · {self.number} {self.title}".strip()

    def natural_key(self):
        return (self.plan.slug, self.anchor)

    natural_key.dependencies = ["insurance.plan"]


class SectionItemManager(models.Manager):
    def get_by_natural_key(self, plan_slug, anchor, order):
        return self.get(section__plan__slug=plan_slug, section__anchor=anchor, order=order)


class SectionItem(models.Model):
    """Something listed inside a section, kept in the source's order.

    Each subclass declares its own ``section`` foreign key, so the related name says what
    the items are (``section.requirements``).
    """

    order = models.PositiveSmallIntegerField(_("orden"))

    objects = SectionItemManager()

    class Meta:
        abstract = True
        ordering = ["section__plan__order", "section__order", "order"]

    def natural_key(self):
        return (self.section.plan.slug, self.section.anchor, self.order)

    natural_key.dependencies = ["insurance.section"]

    @classmethod
    def unique_order(cls, name):
        return models.UniqueConstraint(fields=["section", "order"], name=name)


class InsuredKind(SectionItem):
    """A kind of titular the plan covers (dependent worker, pensioner, fisher...)."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="insured_kinds")
    name = models.CharField(_("nombre"), max_length=200)
    description = models.TextField(_("descripción"), blank=True)
    enrolled_by = models.TextField(
        _("quién inscribe"), blank=True, help_text=_("Quién registra y declara a esta persona.")
    )

    class Meta(SectionItem.Meta):
        verbose_name = _("tipo de asegurado")
        verbose_name_plural = _("tipos de asegurado")
        constraints = [SectionItem.unique_order("insuredkind_unique_order")]

    def __str__(self):
        return self.name


class CoverageItem(SectionItem):
    """A benefit the plan gives (prestación)."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="coverage_items")
    title = models.CharField(_("título"), max_length=200, blank=True)
    text = models.TextField(_("texto"), blank=True)

    class Meta(SectionItem.Meta):
        verbose_name = _("cobertura")
        verbose_name_plural = _("coberturas")
        constraints = [SectionItem.unique_order("coverageitem_unique_order")]

    def __str__(self):
        return self.title or self.text[:80]


class Exclusion(SectionItem):
    """Something the plan does not cover."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="exclusions")
    text = models.TextField(_("texto"))

    class Meta(SectionItem.Meta):
        verbose_name = _("exclusión")
        verbose_name_plural = _("exclusiones")
        constraints = [SectionItem.unique_order("exclusion_unique_order")]

    def __str__(self):
        return self.text[:80]


class ContributionRule(SectionItem):
    """A contribution rule as the source words it.

    ``rule`` names the function of the rules module that computes it, so the plan page,
    the calculator and the wizard agree on the figures.
    """

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="contribution_rules"
    )
    rule = models.SlugField(
        _("regla de cálculo"),
        blank=True,
        help_text=_("El régimen de la calculadora, p. ej. 'regular' o 'sctr-independiente'."),
    )
    who = models.CharField(_("quién aporta"), max_length=200)
    text = models.TextField(_("regla"))
    paid_by = models.CharField(_("a cargo de"), max_length=200, blank=True)
    legal_reference = models.CharField(_("base legal"), max_length=200, blank=True)

    class Meta(SectionItem.Meta):
        verbose_name = _("regla de aporte")
        verbose_name_plural = _("reglas de aporte")
        constraints = [SectionItem.unique_order("contributionrule_unique_order")]

    def __str__(self):
        return self.who


class Requirement(SectionItem):
    """One paper to bring, for one procedure, person and circumstance.

    ``person`` empty means the requirement applies to every person of the procedure;
    ``circumstance`` empty means it applies whatever the circumstance. Requirements that
    share a non-empty ``choice_group`` are alternatives: bring one of them.

    The source often asks for one paper in two sections (Seguro Regular 5.1 and 6.1.2 both
    ask for the Formulario 1010). Requirements of a plan that share a ``document`` are that
    one paper: a checklist shows it once, in the words of the row that ``prevails`` (the
    stricter rule) or else of the first, citing every section that asks for it, with each
    row's ``clarification`` (our Aclaración: how the sections differ). A paper the source
    names inside a step's text has that ``step``: the plan page shows the step, not the row.
    """

    class Procedure(models.TextChoices):
        ENROL = "inscripcion", _("Inscripción")
        REMOVE = "baja", _("Baja")
        CHANGE_FACILITY = "cambio-establecimiento", _("Cambio de establecimiento de salud")
        CHECK_FACILITY = "consulta-establecimiento", _("Consulta del establecimiento asignado")

    class Circumstance(models.TextChoices):
        DEATH_PERU = "fallecimiento-peru", _("Fallecimiento en el Perú")
        DEATH_ABROAD = "fallecimiento-extranjero", _("Fallecimiento en el extranjero")
        DEATH = "fallecimiento", _("Fallecimiento")
        DIVORCE_PERU = "divorcio-peru", _("Divorcio en el Perú")
        DIVORCE_ABROAD = "divorcio-extranjero", _("Divorcio en el extranjero")
        DIVORCE = "divorcio", _("Divorcio")
        END_COHABITATION = "fin-concubinato", _("Fin del concubinato")
        MARRIED_PERU = "matrimonio-peru", _("Matrimonio celebrado en el Perú")
        MARRIED_ABROAD = "matrimonio-extranjero", _("Matrimonio celebrado en el extranjero")
        OTHER_REASON = "otro-motivo", _("Otro motivo")
        THIRD_PARTY = "tercero", _("Trámite hecho por un tercero")
        WORK_REASONS = "motivo-laboral", _("Por motivos laborales")
        FOREIGNER = "extranjero", _("Persona extranjera")
        AGED_70_PLUS = "mayor-70", _("Persona de 70 años a más")
        # Used by steps only: what a step says may hold for some titulares alone.
        TITULAR_WITH_EMPLOYER = "titular-con-empleador", _("El titular trabaja para un empleador")
        TITULAR_PENSIONER = "titular-pensionista", _("El titular es pensionista")

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="requirements")
    procedure = models.CharField(_("trámite"), max_length=30, choices=Procedure.choices)
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requirements",
        verbose_name=_("persona"),
    )
    circumstance = models.CharField(
        _("circunstancia"), max_length=30, choices=Circumstance.choices, blank=True
    )
    choice_group = models.SlugField(_("grupo de alternativas"), blank=True)
    text = models.TextField(_("documento o condición"))
    form = models.ForeignKey(
        Form,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requirements",
        verbose_name=_("formulario"),
    )
    document = models.SlugField(
        _("documento"),
        blank=True,
        help_text=_(
            "Los requisitos del seguro con la misma clave son un mismo papel que piden "
            "varias secciones: la lista lo muestra una sola vez."
        ),
    )
    prevails = models.BooleanField(
        _("regla más estricta"),
        default=False,
        help_text=_("Si el mismo documento sale de varias secciones, la lista usa este texto."),
    )
    clarification = models.TextField(
        _("aclaración de tramitit"),
        blank=True,
        help_text=_(
            "Se muestra junto al requisito en la lista: p. ej., en qué difieren las "
            "secciones que piden el mismo documento y qué regla seguimos."
        ),
    )
    step = models.ForeignKey(
        "Step",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="requirements",
        verbose_name=_("paso que lo pide"),
        help_text=_(
            "Si la fuente nombra este documento en el texto de un paso y no en una lista: "
            "la página del seguro muestra el paso y no lo repite."
        ),
    )

    class Meta(SectionItem.Meta):
        verbose_name = _("requisito")
        verbose_name_plural = _("requisitos")
        constraints = [
            SectionItem.unique_order("requirement_unique_order"),
            models.CheckConstraint(
                condition=~models.Q(prevails=True, document=""),
                name="requirement_prevails_has_document",
            ),
            models.CheckConstraint(
                condition=models.Q(document="") | models.Q(choice_group=""),
                name="requirement_document_not_a_choice",
            ),
        ]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        _check_same_section(self)


def _check_same_section(item):
    """A row tied to a step belongs to the step's section (so the page keeps them together)."""
    if item.step_id and item.section_id and item.step.section_id != item.section_id:
        raise ValidationError({"step": _("El paso tiene que ser de la misma sección.")})


class Step(SectionItem):
    """One step of a procedure ("Hazlo en 3 pasos").

    Tagged like requirements, so a checklist shows only the steps that fit its case: a
    step that says "entrégale los documentos a tu empleador" only when the titular has one
    (``circumstance``), one that promises cover "después de tres meses de aportes" not to a
    pensioner, who has no waiting period (``unless``).
    """

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="steps")
    number = models.CharField(_("número"), max_length=20, blank=True)
    title = models.CharField(_("título"), max_length=200)
    body = models.TextField(_("texto"), blank=True)
    circumstance = models.CharField(
        _("solo si"),
        max_length=30,
        choices=Requirement.Circumstance.choices,
        blank=True,
        help_text=_("Vacío: en todos los casos. Si no, solo en los casos con esta circunstancia."),
    )
    unless = models.CharField(
        _("salvo si"),
        max_length=30,
        choices=Requirement.Circumstance.choices,
        blank=True,
        help_text=_("Los casos con esta circunstancia no muestran el paso."),
    )

    class Meta(SectionItem.Meta):
        verbose_name = _("paso")
        verbose_name_plural = _("pasos")
        constraints = [SectionItem.unique_order("step_unique_order")]

    def __str__(self):
        return self.title

    def clean(self):
        if self.circumstance and self.circumstance == self.unless:
            raise ValidationError({"unless": _("No puede ser la circunstancia de «solo si».")})


class Note(SectionItem):
    """A note shown in a box: the source's "Importante", or ours where the source errs."""

    class Kind(models.TextChoices):
        IMPORTANT = "importante", _("Importante")
        EDITORIAL = "aclaracion", _("Aclaración de tramitit")
        FOOTNOTE = "nota", _("Nota")

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("texto"))
    step = models.ForeignKey(
        Step,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notes",
        verbose_name=_("paso que aclara"),
        help_text=_("Las listas de requisitos muestran la nota junto a este paso."),
    )

    class Meta(SectionItem.Meta):
        verbose_name = _("nota")
        verbose_name_plural = _("notas")
        constraints = [SectionItem.unique_order("note_unique_order")]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        _check_same_section(self)


class Benefit(SectionItem):
    """A row of the +Vida coverage table: an indemnity in soles, for titular and spouse."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="benefits")
    group = models.CharField(_("grupo"), max_length=100)
    description = models.CharField(_("descripción"), max_length=200)
    titular_amount = models.DecimalField(_("titular (S/)"), max_digits=10, decimal_places=2)
    spouse_amount = models.DecimalField(
        _("cónyuge (S/)"), max_digits=10, decimal_places=2, null=True, blank=True
    )

    class Meta(SectionItem.Meta):
        verbose_name = _("indemnización +Vida")
        verbose_name_plural = _("indemnizaciones +Vida")
        constraints = [
            SectionItem.unique_order("benefit_unique_order"),
            models.CheckConstraint(
                condition=models.Q(titular_amount__gt=0), name="benefit_titular_positive"
            ),
        ]

    def __str__(self):
        return self.description


class ContentVersion(models.Model):
    """A token that changes whenever plan content is saved or deleted (loadcontent, tests).

    Workers keep a copy of what the checklists and the wizard read (``insurance.snapshot``)
    and rebuild it when the token changes: one small query per page instead of the plan's
    rows. A new random token each time, not a counter, so a rolled-back change (a dry run,
    a test) can never leave a copy that looks current.
    """

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("versión del contenido")
        verbose_name_plural = _("versión del contenido")

    def __str__(self):
        return self.token

    @classmethod
    def current(cls) -> str:
        # Read on every checklist and wizard page: plain SQL, a tenth of the ORM's cost.
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT token FROM {cls._meta.db_table} WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else ""

    @classmethod
    def bump(cls) -> None:
        cls.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})

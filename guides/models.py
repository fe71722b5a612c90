"""Guides to EsSalud procedures, their categories, and the providers who do them for you.

A guide is markdown written by editors (in the admin or as a file in ``content/guides/``,
loaded by ``manage.py import_guides``). Its HTML is rendered and sanitised once, when it is
saved, and stored in ``body_html``: pages never render markdown per request.

Drafts are invisible to the public everywhere (list, search, detail, sitemap, feed): every
public query starts from ``Guide.objects.published()``. Staff with the ``view_guide``
permission can preview a draft at its own URL.

A guide is shown in a language when it has a title in it or in a language it falls back to
(``MODELTRANSLATION_FALLBACK_LANGUAGES``: English pages show the Spanish of a guide not yet
translated, marked «en español»). Spanish falls back to nothing, so a guide imported from
an English file with no Spanish twin (no Spanish title: that is all "English-only" means,
no flag to keep in step) is listed under /en/guias/ only; every public list filters with
``in_language()``, and the sitemap asks ``Guide.languages``.

Providers are shown on a guide only when ``verified``: suggestions from the public form are
stored unverified and wait for an editor. The official channels the sources name (the OSPE,
the Centros MAC, EsSalud VIVA, "¿Dónde me atiendo?") are providers too, marked ``official``
and listed first; they come from ``content/providers.yaml`` (see ``guides.providers``).

``PlanSectionText`` is the plan pages' part of the search: one row per plan section with its
text, rebuilt by ``loadcontent`` (see ``guides.search``).
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order

from .markdown import PROVIDERS_MARK, render_guide
from .search import fold, update_search_vector


class Category(models.Model):
    """A country or a topic a guide belongs to; guides sharing one are related."""

    class Kind(models.TextChoices):
        COUNTRY = "pais", _("País")
        TOPIC = "tema", _("Tema")

    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text=_("Parte de la URL del filtro: /guias/?categoria=inscripcion."),
    )
    name = models.CharField(_("nombre"), max_length=80)
    kind = models.CharField(_("tipo"), max_length=10, choices=Kind.choices, default=Kind.TOPIC)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("categoría")
        verbose_name_plural = _("categorías")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('guides:guide_list')}?categoria={self.slug}"


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def shown_language(obj, field, language=None) -> str:
    """The language ``obj.<field>`` is shown in on a page in ``language`` (the active one):
    its own, or the first fallback that has the text (modeltranslation's order)."""
    language = language or current_language()
    for code in resolution_order(language):
        if getattr(obj, build_localized_fieldname(field, code), None):
            return code
    return language


def in_language(language=None, prefix="") -> Q:
    """The condition ``GuideQuerySet.in_language`` filters on, also through a relation
    (``prefix="guides__"`` from a category, in the same filter() as its other conditions)."""
    condition = Q()
    for code in resolution_order(language or current_language()):
        condition |= Q(**{f"{prefix}{build_localized_fieldname('title', code)}__gt": ""})
    return condition


class GuideQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: never a draft."""
        return self.filter(draft=False)

    def in_language(self, language=None):
        """Guides a page in ``language`` (the active one) can show: with a title in it or in
        a language it falls back to. Spanish has no fallback, so English-only guides are
        left out of every Spanish list."""
        return self.filter(in_language(language))

    def for_list(self):
        """Only the columns a list of guides shows: bodies are large and never listed."""
        return self.defer(
            *(f"{field}_{code}" for field in ("body", "body_html") for code in ("es", "en")),
            "body",
            "body_html",
            "search_text",
            "search_vector",
            "howto",
            "source_checksums",
        )


class Guide(models.Model):
    """A step-by-step guide to one procedure, in markdown, translated es/en.

    ``translation_key`` is the natural key: the Hugo-style files carry it in their front
    matter (``translationKey``), so importing a file again updates its guide instead of
    adding a copy, and the Spanish and English files of one guide meet on it.
    """

    translation_key = models.SlugField(
        _("clave de traducción"),
        max_length=120,
        unique=True,
        help_text=_(
            "Une la guía con sus archivos (translationKey) y sus traducciones. No la cambies."
        ),
    )
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text=_(
            "Parte de la URL: /guias/afiliar-familiar-essalud/. Cambiarla rompe los enlaces "
            "que ya existen."
        ),
    )
    title = models.CharField(_("título"), max_length=200)
    meta_title = models.CharField(
        _("título para buscadores"),
        max_length=200,
        blank=True,
        help_text=_(
            "El título que muestran el navegador y los buscadores; si queda vacío, el título."
        ),
    )
    description = models.CharField(
        _("descripción"),
        max_length=300,
        blank=True,
        help_text=_("Resumen de una o dos frases: lista de guías, buscadores y redes sociales."),
    )
    body = models.TextField(
        _("texto (markdown)"),
        help_text=_(
            "Markdown: ## títulos, listas, tablas, enlaces, **negrita**, `código`. El HTML "
            "escrito a mano se muestra como texto. La sección «## Proveedores que pueden "
            "hacerlo por ti» se completa con la tabla de proveedores verificados."
        ),
    )
    body_html = models.TextField(_("texto (HTML generado)"), blank=True, editable=False)
    howto = models.JSONField(
        _("pasos y documentos (generado)"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Sacados del texto al guardar, por idioma, para los datos estructurados."),
    )
    author = models.CharField(_("autor"), max_length=120, blank=True)
    published_on = models.DateField(_("fecha de publicación"), default=timezone.localdate)
    updated_at = models.DateTimeField(_("actualizada"), auto_now=True)
    draft = models.BooleanField(
        _("borrador"),
        default=True,
        help_text=_("Un borrador no se publica: solo el equipo lo ve, con la vista previa."),
    )
    categories = models.ManyToManyField(
        Category, blank=True, related_name="guides", verbose_name=_("categorías")
    )
    search_text = models.TextField(blank=True, editable=False)
    # Filled on PostgreSQL only (see guides.search); SQLite searches search_text instead.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)
    source_checksums = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Huella del archivo importado por idioma: un archivo sin cambios se omite."),
    )

    objects = GuideQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("guía")
        verbose_name_plural = _("guías")
        indexes = [models.Index(fields=["draft", "-published_on"], name="guide_published_idx")]

    def __str__(self):
        return self.title or self.title_en or self.translation_key

    def save(self, *args, **kwargs):
        self.render()
        super().save(*args, **kwargs)
        update_search_vector(type(self)._default_manager.filter(pk=self.pk), self._state.db)

    def get_absolute_url(self):
        return reverse("guides:guide_detail", args=[self.slug])

    def clean_fields(self, exclude=None):
        # ``title`` and ``body`` are modeltranslation's mirror of the active language's
        # columns: required as they are, they would refuse an English-only guide on a
        # Spanish request. clean() checks the languages' own columns instead.
        super().clean_fields(exclude={*(exclude or ()), "title", "body"})

    def clean(self):
        """A title and a text in Spanish, or in English for a guide that is English-only
        (imported from an English file with no Spanish twin): never a guide with neither,
        nor a Spanish title without its text, or the reverse."""
        has_title = {code: bool(getattr(self, f"title_{code}")) for code in _language_codes()}
        has_body = {code: bool(getattr(self, f"body_{code}")) for code in _language_codes()}
        default = settings.LANGUAGE_CODE
        errors = {}
        if has_title[default] != has_body[default]:
            field = f"{'body' if has_title[default] else 'title'}_{default}"
            errors[field] = _("Escribe el título y el texto en español, o ninguno de los dos.")
        elif not any(has_title[code] and has_body[code] for code in _language_codes()):
            errors[f"title_{default}"] = _(
                "Una guía necesita título y texto en español (o en inglés, si solo existe en "
                "inglés)."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def head_title(self):
        return self.meta_title or self.title

    def render(self):
        """Render and sanitise every language's markdown; called by save()."""
        howto = {}
        for code in _language_codes():
            rendered = render_guide(getattr(self, f"body_{code}", "") or "")
            setattr(self, f"body_html_{code}", rendered.html)
            if rendered.html:
                howto[code] = {"steps": rendered.steps, "supplies": rendered.supplies}
        self.howto = howto
        self.search_text = fold(
            " ".join(
                getattr(self, f"{field}_{code}", "") or ""
                for code in _language_codes()
                for field in ("title", "description", "body")
            )
        )

    def body_parts(self):
        """The body's HTML around the providers section: (before, providers intro, after)."""
        parts = (self.body_html or "").split(PROVIDERS_MARK)
        if len(parts) != 3:
            return {"before": self.body_html or "", "providers_intro": "", "after": ""}
        return {"before": parts[0], "providers_intro": parts[1], "after": parts[2]}

    def howto_for_language(self):
        data = self.howto or {}
        return data.get(get_language()) or data.get("es") or {"steps": [], "supplies": []}

    @property
    def provider_links(self):
        """This guide's rows in the guide-provider table (what the admin's inline edits): its
        history follows them (guides.history), so restoring a guide restores its providers."""
        return Provider.guides.through.objects.filter(guide=self)

    @property
    def content_language(self):
        """The language the body is really shown in (English falls back to Spanish)."""
        return shown_language(self, "body")

    @property
    def languages(self) -> list[str]:
        """The languages whose pages show this guide (``in_language`` for one guide)."""
        return [
            code
            for code in _language_codes()
            if any(getattr(self, f"title_{other}") for other in resolution_order(code))
        ]

    @property
    def in_current_language(self) -> bool:
        return current_language() in self.languages


def _language_codes():
    return [code for code, _name in settings.LANGUAGES]


# The provider fields guides/translation.py translates that a guide's table shows.
TRANSLATED_NAMES = ("name", "turnaround")


class ProviderQuerySet(models.QuerySet):
    def verified(self):
        """What the public may see: never an unverified suggestion."""
        return self.filter(verified=True)

    def for_guide_table(self, guide):
        """A guide's verified providers, the official channels first."""
        return (
            self.verified()
            .filter(guides=guide)
            .only(
                "name",
                "website",
                "turnaround",
                *(f"{name}_{code}" for name in TRANSLATED_NAMES for code in _language_codes()),
                "cost_soles",
                "official",
            )
            .order_by("-official", "name")
        )


class Provider(models.Model):
    """Someone who does a procedure for you: shown on a guide once verified.

    Suggestions from the public form arrive here unverified, with the contact details and
    the comment of whoever sent them; those two are never published. ``official`` rows are
    EsSalud's own channels, loaded from ``content/providers.yaml`` by ``loadcontent``
    (found again by ``content_key``); an official channel that does a procedure under
    different terms (free in one, not stated in another) is one row per procedure, because
    the cost belongs to the procedure.
    """

    class Source(models.TextChoices):
        EDITOR = "editor", _("Editor")
        SUGGESTION = "sugerencia", _("Sugerencia del público")

    name = models.CharField(_("nombre"), max_length=120)
    website = models.URLField(_("sitio web"), blank=True)
    turnaround = models.CharField(
        _("plazo"), max_length=120, blank=True, help_text=_("Por ejemplo «3 a 5 días hábiles».")
    )
    cost_soles = models.DecimalField(
        _("costo (S/)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Lo que cobra el proveedor, en soles. Vacío: «consultar»."),
    )
    guides = models.ManyToManyField(
        Guide,
        blank=True,
        related_name="providers",
        verbose_name=_("guías"),
        help_text=_("Los trámites que hace: aparece en la tabla de proveedores de esas guías."),
    )
    verified = models.BooleanField(
        _("verificado"),
        default=False,
        help_text=_("Solo los proveedores verificados por un editor se publican."),
    )
    official = models.BooleanField(
        _("oficial"),
        default=False,
        help_text=_(
            "Un canal de EsSalud (OSPE, Centro MAC, EsSalud VIVA...): se marca «oficial» y "
            "va primero en la tabla."
        ),
    )
    content_key = models.SlugField(
        _("clave de contenido"),
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Los proveedores de content/providers.yaml; vacío en los de los editores."),
    )
    source = models.CharField(
        _("origen"), max_length=20, choices=Source.choices, default=Source.EDITOR
    )
    contact_email = models.EmailField(
        _("correo de contacto"), blank=True, help_text=_("De quien lo sugirió. Nunca se publica.")
    )
    notes = models.TextField(
        _("notas internas"), blank=True, help_text=_("Comentario de la sugerencia. No se publica.")
    )
    created_at = models.DateTimeField(_("recibido"), auto_now_add=True)
    updated_at = models.DateTimeField(_("actualizado"), auto_now=True)

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("proveedor")
        verbose_name_plural = _("proveedores")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cost_soles__isnull=True) | models.Q(cost_soles__gte=0),
                name="provider_cost_not_negative",
            )
        ]

    def __str__(self):
        return self.name


class PlanSectionText(models.Model):
    """The searchable text of one plan section: its title, its body and its items.

    Rebuilt from the plan content by ``loadcontent`` (``guides.search.index_plan_sections``),
    so a search for "carencia" can send the reader to the section that explains it.
    ``folded`` serves SQLite, ``search_vector`` PostgreSQL (like ``Guide``).
    """

    section = models.OneToOneField(
        "insurance.Section",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_text",
    )
    title_es = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200, blank=True)
    text_es = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    folded_title = models.CharField(max_length=200)
    folded = models.TextField()
    search_vector = SearchVectorField(null=True, blank=True)

    class Meta:
        verbose_name = _("texto de búsqueda de una sección")
        verbose_name_plural = _("textos de búsqueda de las secciones")

    def __str__(self):
        return self.title_es

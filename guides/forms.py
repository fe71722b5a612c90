"""Public forms of the guides (search, "Sugerir un proveedor") and the admin's provider form."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

import reversion
from django import forms
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Provider

MAX_COST = Decimal("9999999.99")
NEGATIVE_COST = _("El costo no puede ser negativo: escribe 0 si el trámite es gratis.")

# Embeddings, overrides and isolates reorder how the text around them is shown, so a name can
# read one way on the page and another in the database ("Trojan Source"): refused.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters that draw nothing (Hangul fillers, the blank Braille pattern): dropped, with the
# format characters (zero-width spaces and joiners, BOM, soft hyphen, direction marks).
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# A website is printed inside an href: it never needs quotes or angle brackets.
NOT_IN_A_URL = frozenset("\"'<>`")


def published_text(value: str) -> str:
    """Text a guide will show: bidirectional controls refused; invisible characters dropped
    and runs of spaces folded, so what is stored is what a reader sees."""
    if BIDI_CONTROLS & set(value):
        raise forms.ValidationError(
            _(
                "Tiene caracteres invisibles que cambian el orden del texto: escríbelo de "
                "nuevo a mano, sin copiarlo y pegarlo."
            ),
            code="bidi",
        )
    text = " ".join(unicodedata.normalize("NFC", value).split())
    return "".join(
        char
        for char in text
        if unicodedata.category(char) not in {"Cf", "Cc"} and char not in BLANK_LETTERS
    )


class WebsiteField(forms.URLField):
    """A URL field that names the problem when quotes or angle brackets were pasted in."""

    def to_python(self, value):
        if value and NOT_IN_A_URL & set(value):
            raise forms.ValidationError(
                _(
                    "La dirección web no puede llevar comillas ni los signos < >: copia solo "
                    "la dirección, por ejemplo https://www.ejemplo.pe"
                ),
                code="characters",
            )
        return super().to_python(value)


class GuideSearchForm(forms.Form):
    q = forms.CharField(label=_("Buscar en las guías"), required=False, max_length=200)
    categoria = forms.SlugField(required=False)


class ProviderSuggestionForm(forms.Form):
    """A provider suggested by anyone: saved unverified, published only by an editor.

    ``apodo`` is a honeypot: hidden from people (and from screen readers), bots fill it.
    """

    nombre = forms.CharField(
        label=_("Nombre del proveedor"),
        max_length=120,
        error_messages={
            "required": _("Escribe el nombre del proveedor."),
            "max_length": _(
                "El nombre es demasiado largo: usa como máximo %(limit_value)d letras."
            ),
        },
    )
    sitio_web = WebsiteField(
        label=_("Sitio web (opcional)"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Por ejemplo https://www.ejemplo.pe"),
        error_messages={
            "invalid": _("Escribe una dirección web válida, por ejemplo https://www.ejemplo.pe"),
            "max_length": _("La dirección es demasiado larga."),
        },
    )
    plazo = forms.CharField(
        label=_("Plazo (opcional)"),
        required=False,
        max_length=120,
        help_text=_("Cuánto tarda, por ejemplo «3 a 5 días hábiles»."),
        error_messages={
            "max_length": _("El plazo es demasiado largo: resúmelo en pocas palabras.")
        },
    )
    costo = forms.CharField(
        label=_("Costo en soles (opcional)"),
        required=False,
        max_length=20,
        help_text=_("Solo el número, por ejemplo 150 o 150.50."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={"max_length": _("Escribe solo el monto, por ejemplo 150.50.")},
    )
    correo = forms.EmailField(
        label=_("Tu correo (opcional)"),
        required=False,
        help_text=_("Solo para consultarte si falta algún dato. No se publica."),
        error_messages={"invalid": _("Escribe un correo válido, por ejemplo nombre@ejemplo.pe")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    comentario = forms.CharField(
        label=_("Comentario (opcional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Por ejemplo, si lo usaste y cómo te fue. No se publica."),
        error_messages={
            "max_length": _(
                "El comentario es demasiado largo: usa como máximo %(limit_value)d caracteres "
                "(tiene %(show_value)d)."
            )
        },
    )
    apodo = forms.CharField(
        label=_("Deja este campo vacío"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_nombre(self):
        name = published_text(self.cleaned_data["nombre"])
        if not any(char.isalnum() for char in name):
            raise forms.ValidationError(
                _(
                    "El nombre no tiene letras ni números (solo espacios, signos o caracteres "
                    "invisibles): escribe el nombre del proveedor."
                ),
                code="invisible",
            )
        return name

    def clean_plazo(self):
        return published_text(self.cleaned_data["plazo"])

    def clean_costo(self):
        raw = self.cleaned_data["costo"].strip()
        if not raw:
            return None
        text = re.sub(r"^(s/\.?|pen)\s*", "", raw, flags=re.IGNORECASE).replace(" ", "")
        if text.startswith(("-", "\u2212")):  # a hyphen or the minus sign
            raise forms.ValidationError(NEGATIVE_COST, code="negative")
        if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d{1,2})?", text):
            text = text.replace(",", "")  # 1,025.50: commas separate thousands in Peru
        elif re.fullmatch(r"\d+,\d{1,2}", text):
            text = text.replace(",", ".")  # 150,50 written the European way
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or not re.fullmatch(r"\d+(\.\d{1,2})?", text):
            raise forms.ValidationError(
                _("Escribe el costo en soles con números, por ejemplo 150 o 150.50.")
            )
        if amount > MAX_COST:
            raise forms.ValidationError(_("Ese costo es demasiado alto: revisa el número."))
        return amount

    def clean_comentario(self):
        return self.cleaned_data["comentario"].strip()

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("apodo", "").strip())

    @transaction.atomic
    @reversion.create_revision()
    def save(self, guide) -> Provider:
        """Store the suggestion, unverified, linked to ``guide`` (both or nothing), as the
        first version of its history."""
        reversion.set_comment(gettext("Sugerencia del público en «%(guide)s».") % {"guide": guide})
        data = self.cleaned_data
        provider = Provider(
            # A name is the provider's own, whatever the page's language: kept as the
            # Spanish name, which the English pages fall back to (name_en stays empty).
            name_es=data["nombre"],
            website=data["sitio_web"],
            turnaround=data["plazo"],
            cost_soles=data["costo"],
            contact_email=data["correo"],
            notes=data["comentario"],
            verified=False,
            source=Provider.Source.SUGGESTION,
        )
        provider.full_clean()
        provider.save()
        provider.guides.add(guide)
        return provider


class ProviderAdminForm(forms.ModelForm):
    """The admin's provider form (ProviderAdmin builds it for Provider): the database
    refuses a negative cost, this says why."""

    def clean_cost_soles(self):
        cost = self.cleaned_data["cost_soles"]
        if cost is not None and cost < 0:
            raise forms.ValidationError(NEGATIVE_COST, code="negative")
        return cost

"""Public forms of the guides: search, and "Sugerir un proveedor"."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Provider

MAX_COST = Decimal("9999999.99")


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
    sitio_web = forms.URLField(
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
        name = " ".join(self.cleaned_data["nombre"].split())
        if not name:
            raise forms.ValidationError(_("Escribe el nombre del proveedor."))
        return name

    def clean_costo(self):
        raw = self.cleaned_data["costo"].strip()
        if not raw:
            return None
        text = re.sub(r"^(s/\.?|pen)\s*", "", raw, flags=re.IGNORECASE).replace(" ", "")
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
    def save(self, guide) -> Provider:
        """Store the suggestion, unverified, linked to ``guide`` (both or nothing)."""
        data = self.cleaned_data
        provider = Provider(
            name=data["nombre"],
            website=data["sitio_web"],
            turnaround=" ".join(data["plazo"].split()),
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

"""User-facing text fields, translated es/en with django-modeltranslation.

A guide needs its title and text in Spanish unless it exists only in English (imported from
an English file with no Spanish twin): ``Guide.clean`` says which, so no language is
required here. The author is translated too ("Equipo Tramitit Salud" is "Tramitit Salud
team" in English). A provider's name is required in Spanish, the language English falls
back to.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Category, Guide, Provider


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("es",)


@register(Guide)
class GuideTranslation(TranslationOptions):
    fields = ("title", "meta_title", "description", "body", "body_html", "author")


@register(Provider)
class ProviderTranslation(TranslationOptions):
    fields = ("name", "turnaround")
    required_languages = {"es": ("name",)}

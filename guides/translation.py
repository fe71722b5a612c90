"""User-facing text fields, translated es/en with django-modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from .models import Category, Guide, Provider


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("es",)


@register(Guide)
class GuideTranslation(TranslationOptions):
    fields = ("title", "meta_title", "description", "body", "body_html")
    required_languages = {"es": ("title", "body")}


@register(Provider)
class ProviderTranslation(TranslationOptions):
    fields = ("turnaround",)

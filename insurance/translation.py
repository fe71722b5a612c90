"""User-facing text fields, translated es/en with django-modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    Benefit,
    ContributionRule,
    CoverageItem,
    Exclusion,
    Form,
    InsuredKind,
    Note,
    Person,
    Plan,
    Requirement,
    Section,
    Step,
)


@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = (
        "name",
        "nature_note",
        "summary",
        "audience",
        "enrolment",
        "waiting_period",
        "covers_note",
    )


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Form)
class FormTranslation(TranslationOptions):
    fields = ("name",)


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "body")


@register(InsuredKind)
class InsuredKindTranslation(TranslationOptions):
    fields = ("name", "description", "enrolled_by")


@register(CoverageItem)
class CoverageItemTranslation(TranslationOptions):
    fields = ("title", "text")


@register(Exclusion)
class ExclusionTranslation(TranslationOptions):
    fields = ("text",)


@register(ContributionRule)
class ContributionRuleTranslation(TranslationOptions):
    fields = ("who", "text", "paid_by")


@register(Requirement)
class RequirementTranslation(TranslationOptions):
    fields = ("text", "clarification")


@register(Step)
class StepTranslation(TranslationOptions):
    fields = ("title", "body")


@register(Note)
class NoteTranslation(TranslationOptions):
    fields = ("text",)


@register(Benefit)
class BenefitTranslation(TranslationOptions):
    fields = ("group", "description")

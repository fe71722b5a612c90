"""Admin for the plan catalogue.

Plan content comes from the fixtures (``manage.py loadcontent`` overwrites edits made here),
so the admin is mainly for reading and checking; corrections belong in fixtures/.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

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


@admin.register(Plan)
class PlanAdmin(TabbedTranslationAdmin):
    list_display = ("name", "brand", "slug", "nature", "order")
    list_filter = ("nature",)
    search_fields = ("name", "brand", "summary", "audience")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("covers",)
    fieldsets = (
        (None, {"fields": ("name", "brand", "slug", "nature", "nature_note", "order")}),
        (
            _("Lo esencial"),
            {"fields": ("summary", "audience", "enrolment", "waiting_period", "legal_basis")},
        ),
        (_("Personas"), {"fields": ("covers", "covers_note")}),
    )


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "is_dependant", "order")
    list_filter = ("is_dependant",)
    search_fields = ("name", "description")


@admin.register(Form)
class FormAdmin(TabbedTranslationAdmin):
    list_display = ("code", "name", "url")
    search_fields = ("code", "name")


@admin.register(Section)
class SectionAdmin(TabbedTranslationAdmin):
    list_display = ("title", "plan", "number", "level", "order", "anchor")
    list_filter = ("plan", "level")
    search_fields = ("title", "body", "anchor")
    list_select_related = ("plan",)


class SectionItemAdmin(TabbedTranslationAdmin):
    """Shared columns for everything listed inside a section."""

    list_filter = ("section__plan",)
    list_select_related = ("section__plan",)
    autocomplete_fields = ("section",)

    @admin.display(description=_("seguro"), ordering="section__plan__order")
    def plan(self, obj):
        return obj.section.plan

    @admin.display(description=_("sección"), ordering="section__order")
    def section_title(self, obj):
        return f"{obj.section.number} {obj.section.title}".strip()


@admin.register(InsuredKind)
class InsuredKindAdmin(SectionItemAdmin):
    list_display = ("name", "plan", "section_title", "order")
    search_fields = ("name", "description", "enrolled_by")


@admin.register(CoverageItem)
class CoverageItemAdmin(SectionItemAdmin):
    list_display = ("__str__", "plan", "section_title", "order")
    search_fields = ("title", "text")


@admin.register(Exclusion)
class ExclusionAdmin(SectionItemAdmin):
    list_display = ("__str__", "plan", "section_title", "order")
    search_fields = ("text",)


@admin.register(ContributionRule)
class ContributionRuleAdmin(SectionItemAdmin):
    list_display = ("who", "plan", "rule", "paid_by", "legal_reference")
    list_filter = ("section__plan", "rule")
    search_fields = ("who", "text", "legal_reference")


@admin.register(Requirement)
class RequirementAdmin(SectionItemAdmin):
    list_display = ("__str__", "plan", "procedure", "person", "circumstance", "form")
    list_filter = ("section__plan", "procedure", "person", "circumstance", "form")
    list_select_related = ("section__plan", "person", "form")
    search_fields = ("text",)
    fieldsets = (
        (None, {"fields": ("section", "order", "text")}),
        (_("A qué caso se aplica"), {"fields": ("procedure", "person", "circumstance")}),
        (_("Detalles"), {"fields": ("choice_group", "form", "step")}),
        (
            _("Mismo documento en varias secciones"),
            {"fields": ("document", "prevails", "clarification")},
        ),
    )


@admin.register(Step)
class StepAdmin(SectionItemAdmin):
    list_display = ("title", "plan", "section_title", "number", "circumstance", "unless")
    list_filter = ("section__plan", "circumstance", "unless")
    search_fields = ("title", "body")


@admin.register(Note)
class NoteAdmin(SectionItemAdmin):
    list_display = ("__str__", "plan", "kind", "section_title", "step")
    list_filter = ("section__plan", "kind")
    search_fields = ("text",)


@admin.register(Benefit)
class BenefitAdmin(SectionItemAdmin):
    list_display = ("description", "group", "titular_amount", "spouse_amount")
    search_fields = ("description", "group")

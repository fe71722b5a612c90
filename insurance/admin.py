"""Admin for the plan catalogue: read-only (docs/adr/0005-plan-content-read-only-in-admin.md).

Plan content lives in the YAML of ``fixtures/``, reviewed in git and loaded by ``manage.py
loadcontent``, which would overwrite an edit made here; so nothing here can be added,
changed or deleted, and every page says where the text is corrected instead
(templates/admin/insurance/).
"""

from django.contrib import admin
from django.db import models
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


class FixtureContentAdmin(TabbedTranslationAdmin):
    """Shows plan content, never writes it: the fixtures are its one source."""

    # Django builds the form even to show it read-only; Django 6's scheme, not 5's.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Plan)
class PlanAdmin(FixtureContentAdmin):
    list_display = ("name", "brand", "slug", "nature", "order")
    list_filter = ("nature",)
    search_fields = ("name", "brand", "summary", "audience")
    fieldsets = (
        (None, {"fields": ("name", "brand", "slug", "nature", "nature_note", "order")}),
        (
            _("Lo esencial"),
            {"fields": ("summary", "audience", "enrolment", "waiting_period", "legal_basis")},
        ),
        (_("Personas"), {"fields": ("covers", "covers_note")}),
    )


@admin.register(Person)
class PersonAdmin(FixtureContentAdmin):
    list_display = ("name", "slug", "is_dependant", "order")
    list_filter = ("is_dependant",)
    search_fields = ("name", "description")


@admin.register(Form)
class FormAdmin(FixtureContentAdmin):
    list_display = ("code", "name", "url")
    search_fields = ("code", "name")


@admin.register(Section)
class SectionAdmin(FixtureContentAdmin):
    list_display = ("title", "plan", "number", "level", "order", "anchor")
    list_filter = ("plan", "level")
    search_fields = ("title", "body", "anchor")
    list_select_related = ("plan",)


class SectionItemAdmin(FixtureContentAdmin):
    """Shared columns for everything listed inside a section."""

    list_filter = ("section__plan",)
    list_select_related = ("section__plan",)

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

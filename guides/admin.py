"""Admin for guides and providers: what the ``editores`` group works in.

Editors add and change guides and providers (and nothing else: see migration 0003). Guides
have tabbed es/en fields; "Ver en el sitio" opens the guide, drafts included, as a preview
that only staff can see. Suggestions from the public arrive as unverified providers: the
"Sugerencias por revisar" filter lists them, the "Verificar y publicar" action approves.
"""

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Category, Guide, Provider


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


class GuideProviderInline(admin.TabularInline):
    model = Provider.guides.through
    extra = 0
    autocomplete_fields = ("provider",)
    verbose_name = _("proveedor")
    verbose_name_plural = _("proveedores que hacen este trámite")


@admin.register(Guide)
class GuideAdmin(TabbedTranslationAdmin):
    list_display = ("title", "slug", "draft", "published_on", "author", "updated_at")
    list_filter = ("draft", "categories", "published_on")
    search_fields = ("title", "description", "slug", "translation_key", "author")
    date_hierarchy = "published_on"
    # Both only on "add": a published guide keeps its URL and its key.
    prepopulated_fields = {"slug": ("title",), "translation_key": ("title",)}
    filter_horizontal = ("categories",)
    readonly_fields = ("updated_at",)
    inlines = (GuideProviderInline,)
    actions = ("publish", "unpublish")
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("title", "slug", "description", "body")}),
        (_("Publicación"), {"fields": ("draft", "published_on", "author", "categories")}),
        (
            _("Buscadores"),
            {"fields": ("meta_title", "translation_key", "updated_at"), "classes": ("collapse",)},
        ),
    )

    @admin.action(description=_("Publicar las guías seleccionadas"))
    def publish(self, request, queryset):
        self._set_draft(request, queryset, draft=False)

    @admin.action(description=_("Pasar a borrador las guías seleccionadas"))
    def unpublish(self, request, queryset):
        self._set_draft(request, queryset, draft=True)

    def _set_draft(self, request, queryset, *, draft):
        # save() one by one so updated_at and the rendered HTML stay right.
        changed = 0
        for guide in queryset.exclude(draft=draft):
            guide.draft = draft
            guide.save()
            changed += 1
        self.message_user(
            request,
            ngettext("%(count)d guía actualizada.", "%(count)d guías actualizadas.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )


@admin.register(Provider)
class ProviderAdmin(TabbedTranslationAdmin):
    list_display = (
        "name",
        "website",
        "turnaround",
        "cost_soles",
        "verified",
        "official",
        "source",
        "created_at",
    )
    list_filter = (
        ("verified", admin.BooleanFieldListFilter),
        "official",
        "source",
        "guides",
    )
    search_fields = ("name", "website", "contact_email", "notes")
    filter_horizontal = ("guides",)
    readonly_fields = ("source", "created_at", "updated_at")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ("verify",)
    fieldsets = (
        (None, {"fields": ("name", "website", "turnaround", "cost_soles", "guides")}),
        (_("Publicación"), {"fields": ("verified",)}),
        (
            _("Sugerencia (nunca se publica)"),
            {"fields": ("source", "contact_email", "notes", "created_at", "updated_at")},
        ),
    )

    @admin.action(description=_("Verificar y publicar los proveedores seleccionados"))
    def verify(self, request, queryset):
        changed = queryset.filter(verified=False).update(verified=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d proveedor verificado y publicado.",
                "%(count)d proveedores verificados y publicados.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS,
        )

"""Admin for guides and providers: what the ``editores`` group works in.

Editors add and change guides and providers (and nothing else: see migration 0003). Guides
have tabbed es/en fields (an English-only guide leaves the Spanish empty); "Ver en el sitio"
opens the guide, drafts included, as a preview that only staff can see. Suggestions from
the public arrive as unverified providers: the "Sugerencias por revisar" filter lists them,
the "Verificar y publicar" action approves.

Every change is kept (guides.history): "Historial" on each form lists who changed what and
when; a date shows that version in the form, "Restaurar" puts it back in one click. Both
need the change permission the editors have, and a restore is one more version, so it can
be undone too.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version

from . import history
from .forms import ProviderAdminForm
from .models import Category, Guide, Provider

# Before the admin classes: VersionAdmin would otherwise register the models its own way.
history.register()


class HistoryAdmin(VersionAdmin):
    """django-reversion's admin with our history page, a one-click restore, a first version
    for objects older than the history, and one revision per object in actions."""

    object_history_template = "admin/guides/object_history.html"
    change_list_template = "admin/guides/change_list.html"
    recover_list_template = "admin/guides/recover_list.html"
    revision_form_template = "admin/guides/revision_form.html"
    history_latest_first = True

    def get_urls(self):
        restore = path(
            "<path:object_id>/historial/<int:version_id>/restaurar/",
            self.admin_site.admin_view(self.restore_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_restore",
        )
        return [restore, *super().get_urls()]

    def _url(self, view, *args) -> str:
        """The URL of one of this model's admin views (change, revision, restore...)."""
        name = f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{view}"
        return reverse(name, args=args)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and (obj := self.get_object(request, unquote(object_id))):
            history.baseline(obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_model(self, request, obj):
        history.baseline(obj)  # so "Recuperar lo eliminado" has a version to bring back
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            history.baseline(obj)
        super().delete_queryset(request, queryset)

    def changelist_view(self, request, extra_context=None):
        # Not inside one revision for the whole page, as VersionAdmin does: an action saves
        # each object in a revision of its own (save_with_history).
        context = {"has_change_permission": self.has_change_permission(request)}
        return admin.ModelAdmin.changelist_view(self, request, {**context, **(extra_context or {})})

    def save_with_history(self, request, obj, message) -> None:
        """Save ``obj`` (outside a form) as one revision, logged like a change in a form."""
        history.baseline(obj)
        with self.create_revision(request):
            obj.save()
            self.log_change(request, obj, message)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        when = localize(template_localtime(version.revision.date_created))
        title = gettext("Versión del %(when)s") % {"when": when}
        return super().revision_view(
            request, object_id, version_id, {"title": title, **(extra_context or {})}
        )

    def recoverlist_view(self, request, extra_context=None):
        title = gettext("Recuperar lo eliminado: %s") % self.opts.verbose_name_plural
        return super().recoverlist_view(request, {"title": title, **(extra_context or {})})

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return super().history_view(request, object_id, extra_context)
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        rows = [
            {
                "revision": version.revision,
                "view_url": self._url("revision", quote(obj.pk), version.pk),
                "restore_url": self._url("restore", quote(obj.pk), version.pk),
            }
            for version in versions.order_by("-revision__date_created", "-pk")
        ]
        context = {
            "title": gettext("Historial: %s") % obj,
            "versions": rows,
            "can_restore": self.has_change_permission(request, obj),
        }
        return admin.ModelAdmin.history_view(
            self, request, object_id, {**context, **(extra_context or {})}
        )

    def restore_view(self, request, object_id, version_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        when = localize(template_localtime(version.revision.date_created))
        message = gettext("Restaurada la versión del %(when)s.") % {"when": when}
        with transaction.atomic(), self.create_revision(request):
            # delete=True also drops what the object follows and that version did not have
            # (a guide's providers added since).
            version.revision.revert(delete=True)
            restored = self.get_object(request, unquote(object_id))
            restored.save()  # a guide is rendered and indexed again, as at any save
            self.log_change(request, restored, message)
        self.message_user(request, message, messages.SUCCESS)
        return redirect(self._url("change", quote(obj.pk)))


@admin.register(Category)
class CategoryAdmin(HistoryAdmin, TabbedTranslationAdmin):
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
class GuideAdmin(HistoryAdmin, TabbedTranslationAdmin):
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

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # modeltranslation makes the Spanish title and text required, as the untranslated
        # fields are; an English-only guide has neither, and Guide.clean says what is missing.
        if db_field.name in {f"{name}_{settings.LANGUAGE_CODE}" for name in ("title", "body")}:
            field.required = False
        return field

    @admin.action(description=_("Publicar las guías seleccionadas"))
    def publish(self, request, queryset):
        self._set_draft(request, queryset, draft=False)

    @admin.action(description=_("Pasar a borrador las guías seleccionadas"))
    def unpublish(self, request, queryset):
        self._set_draft(request, queryset, draft=True)

    def _set_draft(self, request, queryset, *, draft):
        # save() one by one so updated_at, the rendered HTML and the history stay right.
        message = gettext("Pasada a borrador.") if draft else gettext("Publicada.")
        changed = 0
        for guide in queryset.exclude(draft=draft):
            guide.draft = draft
            self.save_with_history(request, guide, message)
            changed += 1
        self.message_user(
            request,
            ngettext("%(count)d guía actualizada.", "%(count)d guías actualizadas.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )


@admin.register(Provider)
class ProviderAdmin(HistoryAdmin, TabbedTranslationAdmin):
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
    form = ProviderAdminForm
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
        changed = 0
        for provider in queryset.filter(verified=False):
            provider.verified = True
            self.save_with_history(request, provider, gettext("Verificado y publicado."))
            changed += 1
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

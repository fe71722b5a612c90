import logging
import math
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import get_usage

from tramitit.indexing import render_page

from .forms import GuideSearchForm, ProviderSuggestionForm
from .models import Category, Guide, Provider, in_language
from .plan_search import search_plan_sections
from .search import search_guides

logger = logging.getLogger(__name__)

GUIDES_PER_PAGE = 20
RELATED_GUIDES = 4


@require_GET
def guide_list(request):
    form = GuideSearchForm(request.GET)
    query, category_slug = "", ""
    if form.is_valid():
        query = " ".join(form.cleaned_data["q"].split())
        category_slug = form.cleaned_data["categoria"]

    # Counted among the guides this language lists (an English-only guide is not Spanish).
    categories = list(
        Category.objects.filter(in_language(prefix="guides__"), guides__draft=False)
        .annotate(guide_count=Count("guides"))
        .order_by("kind", "name")
    )
    category = next((c for c in categories if c.slug == category_slug), None)

    guides = Guide.objects.published().in_language()
    if category is not None:
        guides = guides.filter(categories=category)
    if query:
        guides = search_guides(guides, query)
    else:
        guides = guides.order_by("-published_on", "title")
    guides = guides.for_list().prefetch_related(
        Prefetch("categories", queryset=Category.objects.order_by("kind", "name"))
    )
    page = Paginator(guides, GUIDES_PER_PAGE).get_page(request.GET.get("pagina"))
    # The plan pages answer too ("latencia", "carencia"): once, above the first page's end.
    plan_hits = search_plan_sections(query) if query and page.number == 1 else []

    context = {
        "form": form,
        "query": query,
        "categories": categories,
        "category": category,
        "unknown_category": bool(category_slug) and category is None,
        "page": page,
        "guides": page.object_list,
        "plan_hits": plan_hits,
        "og_title": _("Guías de trámites de EsSalud"),
    }
    canonical = list_canonical(query=query, category=category, page_number=page.number)
    return render_page(
        request, "guides/guide_list.html", context, canonical=canonical, free_form=bool(query)
    )


def list_canonical(*, query, category, page_number) -> str:
    """Search results fold into the list (any words, an unbounded space); a category is a
    real listing and keeps its own URL, and a later page keeps its number, as search
    engines want for paginated lists (ADR 4)."""
    canonical = reverse("guides:guide_list")
    if query:
        return canonical
    params = [("categoria", category.slug)] if category is not None else []
    if page_number > 1:
        params.append(("pagina", page_number))
    return f"{canonical}?{urlencode(params)}" if params else canonical


def _guide_or_404(request, slug):
    guide = get_object_or_404(
        Guide.objects.prefetch_related(
            Prefetch("categories", queryset=Category.objects.order_by("kind", "name"))
        ),
        slug=slug,
    )
    if guide.draft and not request.user.has_perm("guides.view_guide"):
        raise Http404
    return guide


# Whole phrases, not "en" + a language name: English capitalises the name, Spanish does not.
IN_LANGUAGE = {"es": gettext_lazy("en español"), "en": gettext_lazy("en inglés")}


def _not_in_this_language(request, guide):
    """The page of a guide in a language it does not have (an English-only guide under
    /guias/): a 404, so nothing lists or indexes it, that says so in the page's language
    and links to the languages it has. Not a redirect: the URL alone chooses the language
    (issue 11), and a Spanish reader should learn why there is no Spanish page."""
    editions = []
    for code in guide.languages:
        in_language = str(IN_LANGUAGE[code])  # in the page's language
        with translation.override(code):
            editions.append(
                {
                    "code": code,
                    "in_language": in_language,
                    "url": guide.get_absolute_url(),
                    "title": guide.title,
                }
            )
    return render_page(
        request, "guides/guide_not_in_language.html", {"editions": editions}, status=404
    )


@require_GET
def guide_detail(request, slug):
    guide = _guide_or_404(request, slug)
    if not guide.in_current_language:
        return _not_in_this_language(request, guide)
    category_ids = [category.pk for category in guide.categories.all()]
    related = []
    if category_ids:
        related = list(
            Guide.objects.published()
            .in_language()
            .exclude(pk=guide.pk)
            .filter(categories__in=category_ids)
            .annotate(shared=Count("categories"))
            .order_by("-shared", "-published_on", "title")
            .for_list()[:RELATED_GUIDES]
        )
    providers = list(Provider.objects.for_guide_table(guide))
    official_count = sum(provider.official for provider in providers)
    context = {
        "guide": guide,
        "parts": guide.body_parts(),
        "howto": guide.howto_for_language(),
        "providers": providers,
        "official_count": official_count,
        "private_count": len(providers) - official_count,
        "related": related,
        "preview": guide.draft,
        "og_type": "article",
        "og_title": guide.title,
        "og_description": guide.description,
        # hreflang only for the languages the guide has (an English-only one has no Spanish).
        "page_languages": guide.languages,
    }
    # A preview must never be listed, even if its URL leaks.
    response = render_page(request, "guides/guide_detail.html", context, noindex=guide.draft)
    if guide.draft:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_http_methods(["GET", "POST"])
def suggest_provider(request, slug):
    guide = get_object_or_404(Guide.objects.published().in_language().for_list(), slug=slug)
    template, status = "guides/suggest_provider.html", 200
    context = {"guide": guide}
    if request.method == "POST":
        over_limit = _suggestion_limit(request)
        if over_limit is not None:
            # Nothing is checked or saved; the form comes back as typed, to send later.
            template, status = "guides/suggest_provider_too_many.html", 429
            context["form"] = ProviderSuggestionForm(initial=request.POST.dict())
            context["wait_minutes"] = over_limit
        else:
            form = ProviderSuggestionForm(request.POST)
            if form.is_spam:
                logger.info("Provider suggestion dropped by the honeypot (guide %s).", guide.slug)
                return redirect("guides:suggest_provider_thanks", slug=guide.slug)
            if form.is_valid():
                form.save(guide)
                return redirect("guides:suggest_provider_thanks", slug=guide.slug)
            context["form"], status = form, 400
    else:
        context["form"] = ProviderSuggestionForm()
    # The form and its thanks page belong to their guide: that is the page to list.
    response = render_page(
        request, template, context, status=status, canonical=guide.get_absolute_url()
    )
    if status == 429:
        response["Retry-After"] = str(context["wait_minutes"] * 60)
    return response


def _suggestion_limit(request) -> int | None:
    """Count this post against the client's SUGGESTION_RATE; over it, the minutes to wait.

    Every post counts (valid, invalid or caught by the honeypot): a flood is the cost.
    """
    usage = get_usage(
        request,
        group="guides.suggest_provider",
        key="ip",  # tramitit.clients.client_address, through RATELIMIT_IP_META_KEY
        rate=settings.SUGGESTION_RATE,
        method="POST",
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return None
    return max(1, math.ceil(usage["time_left"] / 60))


@require_GET
def suggest_provider_thanks(request, slug):
    guide = get_object_or_404(Guide.objects.published().in_language().for_list(), slug=slug)
    return render_page(
        request,
        "guides/suggest_provider_thanks.html",
        {"guide": guide},
        canonical=guide.get_absolute_url(),
    )


@require_GET
def robots_txt(request):
    context = {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))}
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")

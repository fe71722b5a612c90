"""The admin's forms as a browser posts them, for tests that edit through the admin."""

INLINE = "Provider_guides"


def guide_form(guide, *, add_providers=(), **changes):
    """The guide's change form as the admin would post it, with ``changes`` applied."""
    data = {
        f"{field}_{code}": getattr(guide, f"{field}_{code}") or ""
        for field in ("title", "description", "body", "meta_title")
        for code in ("es", "en")
    }
    data |= {
        "slug": guide.slug,
        "translation_key": guide.translation_key,
        "published_on": guide.published_on.isoformat(),
        # The date has a callable default: the admin compares with this hidden copy.
        "initial-published_on": guide.published_on.isoformat(),
        "author": guide.author,
        "categories": [category.pk for category in guide.categories.all()],
    }
    if guide.draft:
        data["draft"] = "on"
    links = list(guide.provider_links.order_by("pk"))
    for n, link in enumerate(links):
        data |= {f"{INLINE}-{n}-id": link.pk, f"{INLINE}-{n}-guide": guide.pk}
        data[f"{INLINE}-{n}-provider"] = link.provider_id
    for n, provider in enumerate(add_providers, start=len(links)):
        data |= {f"{INLINE}-{n}-guide": guide.pk, f"{INLINE}-{n}-provider": provider.pk}
    data |= {
        f"{INLINE}-TOTAL_FORMS": len(links) + len(add_providers),
        f"{INLINE}-INITIAL_FORMS": len(links),
    }
    return data | changes

"""What a page tells search engines: the URL to keep it under, and whether to index it at all.

One rule for the whole site (ADR 4): every page that answers 200 is indexable; a page whose
query string holds someone's answers (a calculator result, a wizard question, a search)
names its tool's entry page as canonical, so the unbounded space of answers folds into the
one page worth listing. Only what must never be listed says noindex: every 4xx answer (a
form shown again with its errors, a missing page) and what the view flags itself (a draft
preview). The page frame (templates/jinja2/base.html) writes both, through
``tramitit.frame.page_urls``.
"""

from django.shortcuts import render

from .middleware import keep_out_of_page_cache


def render_page(
    request,
    template,
    context=None,
    *,
    status=200,
    canonical=None,
    noindex=False,
    free_form=False,
    using=None,
):
    """``render`` with the page's canonical path (``canonical``; without one, the frame
    takes the request's path without its query string) and noindex for an error answer or
    when the caller asks. ``free_form``: the query string holds typed answers, so the
    server's page cache does not keep the page (``keep_out_of_page_cache``). ``using``:
    the template engine, "jinja2" for the hot result pages (tramitit/jinja.py)."""
    context = {
        **(context or {}),
        "canonical_path": canonical,
        "noindex": noindex or status >= 400,
    }
    response = render(request, template, context, status=status, using=using)
    return keep_out_of_page_cache(response) if free_form else response

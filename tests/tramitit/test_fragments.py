"""What each worker keeps to answer faster (issue 15) never changes a page: 50 answers
nobody asked before, rendered with nothing kept, then again once the translations, links,
escaped texts, language twins, the wizard's answers, the rules' sentences and values of a day
and the days written are warm from other answers."""

import pytest

from benchmarks import answers
from insurance import text, wizard
from insurance.rules import parameters
from insurance.rules import text as rules_text
from tramitit import frame, jinja, links

pytestmark = pytest.mark.django_db


def cases() -> list[str]:
    drawn = answers.urls(20, seed=15)
    picked = drawn["calculator"][:20] + drawn["wizard"][:15] + drawn["checklist"][:15]
    # English twins: a translation or link kept in one language must not answer the other.
    return picked + ["/en" + url for url in picked[::10]]


def forget_everything_kept():
    jinja._translations.clear()
    kept_by_workers = (
        links.reverse_in,
        frame._twins,
        text._words,
        text._mark_spanish,
        wizard._kept,
        jinja.static_url,
        jinja._kept,
        jinja._written,
        rules_text._shown,
        parameters._values_on,
    )
    for kept in kept_by_workers:
        kept.cache_clear()


def render_all(client, urls, *, cold=False):
    pages = {}
    for url in urls:
        if cold:
            forget_everything_kept()
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


def test_kept_values_render_exactly_what_a_cold_render_does(client):
    urls = cases()
    assert len(urls) >= 50
    cold = render_all(client, urls, cold=True)
    warm_once = render_all(client, urls)
    warm_again = render_all(client, list(reversed(urls)))  # every value kept by others
    for url in urls:
        assert warm_once[url] == cold[url], url
        assert warm_again[url] == cold[url], url

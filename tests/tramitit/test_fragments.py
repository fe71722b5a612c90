"""What each worker keeps to answer faster (issue 15) never changes a page: 50 answers
nobody asked before, rendered with nothing kept, then again once the fragments
(``{% memo %}``), the escaped texts and the plan content are warm from other answers."""

import pytest

from benchmarks import answers
from insurance import text
from insurance.templatetags import memo

pytestmark = pytest.mark.django_db


def cases() -> list[str]:
    drawn = answers.urls(20, seed=15)
    picked = drawn["calculator"][:20] + drawn["wizard"][:15] + drawn["checklist"][:15]
    # English twins: a fragment kept in one language must not answer the other.
    return picked + ["/en" + url for url in picked[::10]]


def render_all(client, urls):
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


def test_kept_fragments_render_exactly_what_a_cold_render_does(client, monkeypatch):
    urls = cases()
    assert len(urls) >= 50
    monkeypatch.setattr(memo, "ENABLED", False)
    text._words.cache_clear()
    cold = render_all(client, urls)
    monkeypatch.setattr(memo, "ENABLED", True)
    warm_once = render_all(client, urls)
    warm_again = render_all(client, list(reversed(urls)))  # every fragment kept by others
    for url in urls:
        assert warm_once[url] == cold[url], url
        assert warm_again[url] == cold[url], url


def test_a_fragment_is_kept_once_per_language_and_values():
    from django.template import engines
    from django.utils import translation

    template = engines["django"].from_string(
        "{% load memo %}{% memo who %}{{ who }} {{ other }}{% endmemo %}"
    )
    with translation.override("es"):
        assert template.render({"who": "a", "other": 1}) == "a 1"
        # "other" is not named: the kept fragment answers (which is why names must be complete).
        assert template.render({"who": "a", "other": 2}) == "a 1"
        assert template.render({"who": "b", "other": 2}) == "b 2"
    with translation.override("en"):
        assert template.render({"who": "a", "other": 3}) == "a 3"
    # A value that cannot be a key is rendered, never kept.
    assert template.render({"who": ["x"], "other": 4}).endswith(" 4")
    assert template.render({"who": ["x"], "other": 5}).endswith(" 5")

from django.urls import path

from . import feeds, views

app_name = "guides"

urlpatterns = [
    path("guias/", views.guide_list, name="guide_list"),
    # Dots never appear in a slug, so the feeds cannot collide with a guide.
    path("guias/rss.xml", feeds.LatestGuidesFeed(), name="feed_rss"),
    path("guias/atom.xml", feeds.LatestGuidesAtomFeed(), name="feed_atom"),
    path("guias/<slug:slug>/", views.guide_detail, name="guide_detail"),
    path(
        "guias/<slug:slug>/sugerir-proveedor/",
        views.suggest_provider,
        name="suggest_provider",
    ),
    path(
        "guias/<slug:slug>/sugerir-proveedor/gracias/",
        views.suggest_provider_thanks,
        name="suggest_provider_thanks",
    ),
]

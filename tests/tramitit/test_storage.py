"""collectstatic with the production storage: our CSS minified, hashed and precompressed."""

import gzip
import json
import re

from django.contrib.staticfiles import finders
from django.core.management import call_command

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "tramitit.storage.MinifiedManifestStaticFilesStorage"},
}


def test_collectstatic_minifies_our_css_then_hashes_and_compresses_it(settings, tmp_path):
    settings.STORAGES = PRODUCTION_STORAGES
    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", "--noinput", verbosity=0)

    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    source = open(finders.find("css/site.css"), encoding="utf-8").read()
    hashed = tmp_path / manifest["css/site.css"]
    served = hashed.read_text(encoding="utf-8")
    assert "/*" in source and "/*" not in served
    assert "\n" not in served.strip()
    assert len(served) < 0.9 * len(source)
    # Fewer bytes, same rules: every selector block and custom property survives.
    rules = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    assert served.count("{") == rules.count("{")
    assert set(re.findall(r"--[\w-]+:", served)) == set(re.findall(r"--[\w-]+:", source))
    assert gzip.decompress((tmp_path / (manifest["css/site.css"] + ".gz")).read_bytes()) == (
        served.encode()
    )
    # The admin's stylesheets are left as Django ships them (but for hashed url()s).
    admin = (tmp_path / manifest["admin/css/base.css"]).read_text(encoding="utf-8")
    assert "/*" in admin and admin.count("\n") > 100

import shutil
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from insurance.models import ContentVersion, Plan, Requirement, Section
from insurance.snapshot import CONTENT_MODELS

pytestmark = pytest.mark.django_db


def test_every_content_model_moves_the_content_version():
    """A model left out of snapshot.CONTENT_MODELS would leave workers' copies stale."""
    models = set(apps.get_app_config("insurance").get_models()) - {ContentVersion}
    assert models == set(CONTENT_MODELS)


def dump():
    return {
        model.__name__: sorted(map(repr, model.objects.values_list())) for model in CONTENT_MODELS
    }


def run(*args):
    out = StringIO()
    call_command("loadcontent", *args, stdout=out)
    return out.getvalue()


def test_loading_twice_changes_nothing():
    before = dump()
    rows = sum(len(rows) for rows in before.values())
    report = run().splitlines()
    assert report[0] == f"0 created, 0 updated, {rows} unchanged, 0 deleted."
    # The starter guides follow on their own line (tests/guides/test_import.py).
    assert report[1].startswith("guides: 0 created, 0 updated, ")
    assert dump() == before


def test_every_row_passes_model_validation():
    for model in CONTENT_MODELS:
        for obj in model.objects.all():
            obj.full_clean()


def test_edits_are_reverted_and_stray_rows_deleted():
    plan = Plan.objects.get(slug="regular")
    plan.summary = "cambiado a mano"
    plan.save()
    stray = Section.objects.create(plan=plan, anchor="sobra", title="Sobra", order=999)
    report = run()
    assert "1 updated" in report and "1 deleted" in report
    assert not Section.objects.filter(pk=stray.pk).exists()
    assert Plan.objects.get(slug="regular").summary != "cambiado a mano"


def test_dry_run_saves_nothing():
    Requirement.objects.filter(section__plan__slug="regular").first().delete()
    count = Requirement.objects.count()
    assert run("--dry-run").startswith("[dry-run] 1 created")
    assert Requirement.objects.count() == count


def test_a_broken_fixture_names_file_and_line(tmp_path, settings):
    (tmp_path / "plans").mkdir()
    (tmp_path / "00-catalogue.yaml").write_text(
        "- model: insurance.person\n  fields: {slug: titular, name_es: Titular}\n"
        "- model: insurance.person\n  fields: {slug: 'no vale', name_es: X}\n"
    )
    (tmp_path / "plans" / "10-x.yaml").write_text("[]\n")
    settings.FIXTURE_DIRS = [tmp_path]
    before = dump()
    with pytest.raises(CommandError, match=r"00-catalogue.yaml, línea 3: Person: .*slug"):
        run()
    assert dump() == before


def test_a_correction_goes_through_the_yaml_and_loadcontent(tmp_path, settings, client):
    """The way the admin's read-only note points to (ADR 5): edit the file, load it."""
    fixtures = tmp_path / "fixtures"
    shutil.copytree(django_settings.FIXTURE_DIRS[0], fixtures)
    settings.FIXTURE_DIRS = [fixtures]
    plan = Plan.objects.get(slug="regular")
    path = next((fixtures / "plans").glob("*-regular.yaml"))
    text = path.read_text(encoding="utf-8")
    opening = f"summary_es: {plan.summary_es[:24]}"
    assert opening in text
    corrected = f"summary_es: Corregido en el YAML. {plan.summary_es[:24]}"
    path.write_text(text.replace(opening, corrected, 1), encoding="utf-8")
    assert run().startswith("0 created, 1 updated")
    plan.refresh_from_db()
    assert plan.summary_es.startswith("Corregido en el YAML. ")
    assert run().startswith("0 created, 0 updated")
    client.force_login(User.objects.create_superuser("admin", password="x"))
    page = client.get(f"/admin/insurance/plan/{plan.pk}/change/").content.decode()
    assert "Corregido en el YAML. " in page and "python manage.py loadcontent" in page

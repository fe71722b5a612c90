import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the real content, loaded once per run."""
    with django_db_blocker.unblock():
        call_command("loadcontent", verbosity=0)

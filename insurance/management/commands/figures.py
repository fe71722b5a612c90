"""``manage.py figures --stale 90``: the parameter entries not verified in the last 90 days.

"Today" is the rules' clock (``insurance.clock.rules_today``), so ``RULES_DATE`` previews
which entries will be stale on a later day. Exits 1 when any entry is stale, so a script
can act on it; ``--json`` prints the list for tooling.
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from insurance.clock import rules_today
from insurance.rules.freshness import entry_record, stale_entries


class Command(BaseCommand):
    help = "Lista las entradas de parameters.yaml no verificadas en los últimos N días."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale",
            type=int,
            default=90,
            metavar="DÍAS",
            help="Días desde la última verificación a partir de los cuales una entrada "
            "está desactualizada (90 si no se indica).",
        )
        parser.add_argument("--json", action="store_true", help="Imprime la lista en JSON.")

    def handle(self, *args, **options):
        stale = options["stale"]
        if stale < 0:
            raise CommandError("--stale necesita un número de días no negativo.")
        today = rules_today()
        with translation.override(settings.LANGUAGE_CODE):  # sources as the site cites them
            records = [entry_record(v, today) for v in stale_entries(today=today, days=stale)]
        if options["json"]:
            data = {"today": today.isoformat(), "days": stale, "stale": records}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            for record in records:
                self.stdout.write(
                    f"{record['parameter']} desde {record['from']}: verificado el "
                    f"{record['checked']} (hace {record['days_since_checked']} días), "
                    f"{record['source']}"
                )
            self.stdout.write(f"{len(records)} entradas sin verificar en {stale} días ({today}).")
        if records:
            raise CommandError(
                f"{len(records)} entradas sin verificar en {stale} días.", returncode=1
            )

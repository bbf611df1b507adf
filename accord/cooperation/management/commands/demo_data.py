"""`accord demo-data`: load the labelled demo matrix of the UN-OIC framework.

Reads the framework un-oic (made by `accord bootstrap`, or its minimum made here);
writes the demo rows described in accord/cooperation/demo.py. Running it twice adds
nothing.
"""

from django.core.management.base import BaseCommand

from accord.cooperation.demo import demo_data_load


class Command(BaseCommand):
    help = (
        "Load the demo matrix of the UN-OIC framework for 2018-2019 and 2020-2021: 40 activities "
        "labelled [DEMO] (is_demo) across the 10 priority areas of resolution 73/135, with indicators, "
        "progress updates, and a general meeting with decisions and action items. Idempotent. Creates the "
        "framework's minimum (organizations, priority areas, entities) when bootstrap has not run."
    )

    def handle(self, *args, **options):
        tally = demo_data_load()
        self.stdout.write("Demo matrix of un-oic ([DEMO] rows, is_demo=True):")
        for line in tally.lines():
            self.stdout.write(line)

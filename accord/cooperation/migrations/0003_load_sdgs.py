"""Load the official 17 SDGs and 169 targets from accord/cooperation/data/."""

from django.db import migrations


def load(apps, schema_editor):
    from accord.cooperation.sdg import load_sdgs

    load_sdgs(apps.get_model("cooperation", "SDGGoal"), apps.get_model("cooperation", "SDGTarget"))


def unload(apps, schema_editor):
    apps.get_model("cooperation", "SDGTarget").objects.all().delete()
    apps.get_model("cooperation", "SDGGoal").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0002_initial")]
    operations = [migrations.RunPython(load, unload)]

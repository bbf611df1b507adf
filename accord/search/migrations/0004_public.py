"""Whether the public may read an entry, in the index, so that the database drops what a
visitor may not read before ranking. PostgreSQL: a second GIN index on the tsvector of
the public entries only, for the public's searches (the public found nothing quickly for
"mediation" when 27,000 of 27,500 matches were unpublished progress updates). The column
is filled by ``accord reindex`` (run it after this migration on a database with entries)."""

from django.db import migrations, models


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_entry_public_tsv ON search_searchentry "
            "USING GIN (terms_tsv) WHERE public"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_public_tsv")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_stored_tsvector")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="public",
            field=models.BooleanField(default=False, verbose_name="public"),
        ),
        migrations.RunPython(create, drop),
    ]

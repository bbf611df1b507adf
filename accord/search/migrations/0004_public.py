"""Whether the public may read an entry, in the index, so that the database drops what a
visitor may not read before ranking. PostgreSQL: a second GIN index on the tsvector of
the public entries only, for the public's searches (the public found nothing quickly for
"mediation" when 27,000 of 27,500 matches were unpublished progress updates). SQLite: the
FTS5 table gets a second column ``scope`` ("pub" for a public entry, "f<id>" for its
framework) so that FTS5 itself keeps only the readable entries before ranking. Both are
filled by ``accord reindex`` (run it after this migration on a database with entries)."""

from django.db import migrations, models


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _fts(schema_editor, "terms, scope")
        schema_editor.execute(  # members find what they found; the public waits for reindex
            "INSERT INTO search_fts(rowid, terms, scope) SELECT id, terms, CASE WHEN "
            "framework_id IS NULL THEN '' ELSE 'f' || framework_id END FROM search_searchentry"
        )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_entry_public_tsv ON search_searchentry "
            "USING GIN (terms_tsv) WHERE public"
        )


def _fts(schema_editor, columns: str) -> None:
    schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE search_fts USING fts5({columns}, "
        "tokenize = 'unicode61 remove_diacritics 0')"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _fts(schema_editor, "terms")
        schema_editor.execute(
            "INSERT INTO search_fts(rowid, terms) SELECT id, terms FROM search_searchentry"
        )
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

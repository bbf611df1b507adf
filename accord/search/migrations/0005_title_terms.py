"""The title's index terms beside the entry's, so that a broad search ranks the matches
whose title matches as well as the most recent ones (accord.search.backends.Ranking).
SQLite: the FTS5 table gets a third column ``head``; PostgreSQL: a stored tsvector of
them (``title_tsv``) under a GIN index. Filled by ``accord reindex`` (run it after this
migration on a database with entries: until then searches find what they found, and
rank broad queries among the most recent matches only)."""

from django.db import migrations, models


def _fts(schema_editor, columns: str) -> None:
    schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE search_fts USING fts5({columns}, "
        "tokenize = 'unicode61 remove_diacritics 0')"
    )


def _scope_sql() -> str:
    return (
        "TRIM(CASE WHEN public THEN 'pub' ELSE '' END || CASE WHEN framework_id IS NULL "
        "THEN '' ELSE ' f' || framework_id END)"
    )


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _fts(schema_editor, "terms, scope, head")
        schema_editor.execute(
            f"INSERT INTO search_fts(rowid, terms, scope, head) SELECT id, terms, {_scope_sql()},"
            " title_terms FROM search_searchentry"
        )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS title_tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', title_terms)) STORED"
        )
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_entry_title_tsv ON search_searchentry "
            "USING GIN (title_tsv)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _fts(schema_editor, "terms, scope")
        schema_editor.execute(
            f"INSERT INTO search_fts(rowid, terms, scope) SELECT id, terms, {_scope_sql()}"
            " FROM search_searchentry"
        )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_title_tsv")
        schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_tsv")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_public")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="title_terms",
            field=models.TextField(blank=True, verbose_name="index terms of the title"),
        ),
        migrations.RunPython(create, drop),
    ]

from django.db import migrations


def create_trigger(apps, schema_editor):
    # SQLite: the FTS5 row goes with its entry inside the database, also when rows are deleted
    # without Django's signals (`flush`, raw SQL, a restore tool). PostgreSQL keeps the words on
    # the entry row itself.
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "DELETE FROM search_fts WHERE rowid NOT IN (SELECT id FROM search_searchentry)"
        )
        schema_editor.execute(
            "CREATE TRIGGER search_fts_follows_entry AFTER DELETE ON search_searchentry "
            "BEGIN DELETE FROM search_fts WHERE rowid = old.id; END"
        )


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS search_fts_follows_entry")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_entry_concept_ids")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]

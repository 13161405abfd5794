from django.db import migrations

RUM_INDEX = (
    "CREATE INDEX IF NOT EXISTS search_entry_vector_rum ON search_searchentry "
    "USING rum (search_vector rum_tsvector_addon_ops, id) "
    "WITH (attach = 'id', to = 'search_vector')"
)


def create_rum_index(apps, schema_editor):
    """PostgreSQL with the RUM extension installed (Debian: postgresql-15-rum): an index that
    hands out a word's matches newest first (search/backends.py). Without it the GIN index does
    all the work, more slowly for rare words."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS rum")
    schema_editor.execute(RUM_INDEX)


def drop_rum_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector_rum")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_knowledge_items")]

    operations = [migrations.RunPython(create_rum_index, drop_rum_index)]

from django.db import migrations

# The newest stories about a concept (advice card): read the link table by concept, newest story
# first, without sorting every story of a common concept. The link table is Django's own, so
# the index is plain SQL (the same on SQLite and PostgreSQL).
INDEX = "stories_story_concepts_concept_story"


class Migration(migrations.Migration):
    dependencies = [("stories", "0002_status_label")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON stories_story_concepts (concept_id, story_id)",
            f"DROP INDEX {INDEX}",
        )
    ]

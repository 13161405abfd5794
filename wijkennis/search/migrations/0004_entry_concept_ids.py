from django.db import migrations, models

# One UPDATE per kind of entry: the ids of its concepts as a sorted JSON array.
FILL = {
    "postgresql": [
        """UPDATE search_searchentry e SET concept_ids = COALESCE((
               SELECT jsonb_agg(l.concept_id ORDER BY l.concept_id)
               FROM stories_story_concepts l WHERE l.story_id = e.story_id), '[]'::jsonb)
           WHERE e.story_id IS NOT NULL""",
        """UPDATE search_searchentry e SET concept_ids = COALESCE((
               SELECT jsonb_agg(l.concept_id ORDER BY l.concept_id)
               FROM knowledge_knowledgeitem i
               JOIN knowledge_knowledgeversion_situations l ON l.knowledgeversion_id = i.current_id
               WHERE i.id = e.knowledge_item_id), '[]'::jsonb)
           WHERE e.knowledge_item_id IS NOT NULL""",
    ],
    "sqlite": [
        """UPDATE search_searchentry SET concept_ids = (
               SELECT json_group_array(concept_id) FROM (
                   SELECT l.concept_id FROM stories_story_concepts l
                   WHERE l.story_id = search_searchentry.story_id ORDER BY l.concept_id))
           WHERE story_id IS NOT NULL""",
        """UPDATE search_searchentry SET concept_ids = (
               SELECT json_group_array(concept_id) FROM (
                   SELECT l.concept_id FROM knowledge_knowledgeitem i
                   JOIN knowledge_knowledgeversion_situations l
                     ON l.knowledgeversion_id = i.current_id
                   WHERE i.id = search_searchentry.knowledge_item_id ORDER BY l.concept_id))
           WHERE knowledge_item_id IS NOT NULL""",
    ],
}


def fill_concept_ids(apps, schema_editor):
    for statement in FILL.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_rum_index"),
        ("stories", "0001_initial"),
        ("knowledge", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="concept_ids",
            field=models.JSONField(default=list),
        ),
        migrations.RunPython(fill_concept_ids, migrations.RunPython.noop),
    ]

"""`wijkennis avg_export EMAIL`: the same JSON as the person's own download, for a beheerder."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from wijkennis.core.models import AuditEvent
from wijkennis.mydata.registry import rules

from .helpers import MARKER, person_with_marker, stories_with_marker


def test_the_command_exports_everything_of_one_person_to_a_file(people, tmp_path):
    person = person_with_marker(people)
    stories = stories_with_marker(person, people)
    target = tmp_path / "inzage.json"

    call_command("avg_export", person.email.upper(), "--output", str(target), stderr=io.StringIO())

    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["account"]["email"] == person.email
    assert set(data["data"]) == {key for key, _rule in rules()}
    exported = {row["id"] for row in data["data"]["stories.Story.author"]}
    assert exported == {story.pk for story in stories}
    assert MARKER in target.read_text(encoding="utf-8")  # the stories as written, too
    # Only this person's data: nobody else's stories or e-mail address.
    assert people.anouk.email not in target.read_text(encoding="utf-8")
    event = AuditEvent.objects.get(action="mydata.avg_exported")
    assert event.object_id == person.pk and MARKER not in event.detail


def test_without_output_the_json_goes_to_standard_output(people):
    out = io.StringIO()
    call_command("avg_export", people.bram.email, stdout=out)
    assert json.loads(out.getvalue())["account"]["email"] == people.bram.email


def test_an_unknown_address_or_an_unwritable_file_is_a_clear_error(people, tmp_path):
    with pytest.raises(CommandError) as unknown:
        call_command("avg_export", "niemand@nergens.test")
    assert unknown.value.returncode == 2
    with pytest.raises(CommandError):
        call_command("avg_export", people.bram.email, "--output", str(tmp_path / "no" / "x.json"))
    assert not AuditEvent.objects.filter(action="mydata.avg_exported").exists()

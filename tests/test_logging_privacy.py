"""Story text never appears in logs: all logging is captured during the whole story flow."""

import io
import logging

import pytest
from django.core.management import call_command
from django.urls import reverse

from wijkennis.stories.models import Story

MARKERS = ("Zwanenburgh", "Kwetterlaan", "0687654321", "verborgenwoord")
STORY = (
    "Mevrouw Zwanenburgh woont aan de Kwetterlaan 9. Ze belde mij op 0687654321. "
    "Het verborgenwoord van vandaag is schaamte."
)


class Everything(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def captured_logs(settings):
    settings.DEBUG = True  # the strictest case: SQL logging would be on if configured
    handler = Everything()
    handler.setFormatter(logging.Formatter("%(name)s %(message)s %(exc_text)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler.lines
    root.removeHandler(handler)
    root.setLevel(old_level)


def test_no_story_text_in_any_log_record(client, people, captured_logs, tmp_path, capsys):
    client.force_login(people.anouk)
    client.post(reverse("stories:create"), {"title": "Bezoek bij Zwanenburgh", "body": STORY})
    story = Story.objects.get()
    client.get(reverse("stories:review", args=[story.pk]))
    span = story.current_version.spans.first()
    client.post(reverse("stories:span", args=[story.pk, span.pk]), {"decision": "undone"})
    client.post(reverse("stories:hide", args=[story.pk]), {"phrase": "verborgenwoord"})
    client.post(
        reverse("stories:publish", args=[story.pk]), {"visibility": "network", "consent": "on"}
    )
    client.force_login(people.bram)
    client.get(reverse("stories:detail", args=[story.pk]))
    client.get(reverse("stories:list"), {"q": "Zwanenburgh"})
    client.get("/bestaat-niet/")
    client.force_login(people.anouk)
    client.post(reverse("stories:withdraw", args=[story.pk]))
    client.post(reverse("stories:erase", args=[story.pk]))
    source = tmp_path / "verhaal.txt"
    source.write_text(STORY, encoding="utf-8")
    call_command("deidentify", str(source), "--json", stdout=io.StringIO())

    assert captured_logs, "the capture must have seen the flow's log records"
    leaks = [line for line in captured_logs for marker in MARKERS if marker in line]
    assert not leaks, leaks[:3]
    assert not any(marker in capsys.readouterr().err for marker in MARKERS)

"""What the API shows: only de-identified text, except the author's own originals."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from wijkennis.stories.models import DeidentificationSpan, Story, Visibility
from wijkennis.vocabulary.models import Concept


class ConceptSerializer(serializers.ModelSerializer):
    alt_labels = serializers.SerializerMethodField()

    class Meta:
        model = Concept
        fields = ["slug", "scheme", "pref_label", "definition", "alt_labels"]

    def get_alt_labels(self, concept) -> list[dict[str, str]]:
        # Hidden labels (misspellings) are for search only; the SKOS export carries them.
        return [{"label": a.label, "kind": a.kind} for a in concept.shown_labels()]


class SpanSerializer(serializers.ModelSerializer):
    class Meta:
        model = DeidentificationSpan
        fields = ["id", "field", "kind", "start", "end", "original", "replacement", "decision"]


class StorySerializer(serializers.ModelSerializer):
    """A story as the requesting user may see it (the published version for readers)."""

    title = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    what_helped = serializers.SerializerMethodField()
    what_did_not_help = serializers.SerializerMethodField()
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    concepts = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Story
        fields = [
            "id",
            "title",
            "body",
            "what_helped",
            "what_did_not_help",
            "organisation",
            "visibility",
            "status",
            "published_at",
            "concepts",
            "url",
        ]

    def _version(self, story):
        return story.version_for(self.context["request"].user)

    def get_title(self, story) -> str:
        return self._version(story).title

    def get_body(self, story) -> str:
        return self._version(story).body

    def get_what_helped(self, story) -> str:
        return self._version(story).what_helped

    def get_what_did_not_help(self, story) -> str:
        return self._version(story).what_did_not_help


class OwnStorySerializer(StorySerializer):
    """For the author: also the de-identification spans of the version being worked on."""

    spans = serializers.SerializerMethodField()

    class Meta(StorySerializer.Meta):
        fields = [*StorySerializer.Meta.fields, "spans"]

    def get_spans(self, story) -> list[dict]:
        return SpanSerializer(story.current_version.spans.all(), many=True).data


class SearchHitSerializer(serializers.Serializer):
    story = StorySerializer()
    score = serializers.FloatField()
    snippet = serializers.CharField(help_text="HTML: matched words in <mark>, the rest escaped")
    found_via = serializers.SerializerMethodField()

    def get_found_via(self, hit) -> list[dict[str, str]]:
        return [{"query": via, "label": label} for via, label in hit.via]


# The schema tells clients what the validation below enforces: no NUL characters, and a
# story with at least one visible character.
NO_NUL = RegexValidator(r"^[^\x00]*$", _("Text may not contain NUL characters."))
SOMETHING_WRITTEN = RegexValidator(
    r"^[^\x00]*\S[^\x00]*$", _("Your story is still empty. Write what happened first.")
)


class DraftSerializer(serializers.Serializer):
    organisation = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=2**63 - 1,
        help_text=_("Organisation id; only needed when you write for several."),
    )
    title = serializers.CharField(
        max_length=200, required=False, allow_blank=True, validators=[NO_NUL]
    )
    body = serializers.CharField(
        max_length=settings.STORY_MAX_CHARS, trim_whitespace=False, validators=[SOMETHING_WRITTEN]
    )
    what_helped = serializers.CharField(
        required=False, allow_blank=True, max_length=20_000, validators=[NO_NUL]
    )
    what_did_not_help = serializers.CharField(
        required=False, allow_blank=True, max_length=20_000, validators=[NO_NUL]
    )


class ConceptSlugField(serializers.SlugRelatedField):
    def to_internal_value(self, data):
        # PostgreSQL cannot even compare text with a NUL in it: refuse before the lookup.
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        return super().to_internal_value(data)


@extend_schema_field({"type": "boolean", "enum": [True]})
class ConsentField(serializers.BooleanField):
    """Only `true` is accepted: publishing needs the author's consent."""


class PublishSerializer(serializers.Serializer):
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    consent = ConsentField(
        help_text=_("true: the author agrees with the consent text of this visibility")
    )
    concepts = ConceptSlugField(
        slug_field="slug", queryset=Concept.objects.all(), many=True, required=False
    )

    def validate_consent(self, value: bool) -> bool:
        if value is not True:
            raise serializers.ValidationError(_("Tick the box to confirm that you agree."))
        return value

"""factory_boy factories. Stories made here skip de-identification (for speed); tests of the
real flow call the services instead."""

import factory
from django.utils import timezone

from wijkennis.accounts.models import User
from wijkennis.organisations.models import Membership, Organisation, OrganisationKind, Role
from wijkennis.stories.models import DeidentificationSpan, Status, Story, StoryVersion, Visibility
from wijkennis.vocabulary.models import AltLabel, Concept


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.test")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Persoon{n}")
    password = factory.PostGenerationMethodCall("set_password", "een-lang-test-wachtwoord-42")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = OrganisationKind.SOCIAL_WORK


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.ERVARINGSWERKER


class ConceptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concept

    slug = factory.Sequence(lambda n: f"concept-{n}")
    scheme = "levensgebied"
    pref_label = factory.Sequence(lambda n: f"Begrip {n}")


class AltLabelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AltLabel

    concept = factory.SubFactory(ConceptFactory)
    label = factory.Sequence(lambda n: f"woord {n}")
    kind = "lekentaal"


class StoryFactory(factory.django.DjangoModelFactory):
    """A story with one version whose text counts as already de-identified.

    Traits: `published=True` publishes it (at `visibility`), `withdrawn=True` withdraws it.
    """

    class Meta:
        model = Story

    author = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    visibility = Visibility.PRIVATE
    status = Status.DRAFT
    title = factory.Sequence(lambda n: f"Verhaal {n}")
    body = "Ik hielp een bewoner met de schoenendoos vol ongeopende brieven."

    class Params:
        published = factory.Trait(
            status=Status.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )
        withdrawn = factory.Trait(
            status=Status.WITHDRAWN, published_at=factory.LazyFunction(timezone.now)
        )

    @classmethod
    def _create(cls, model_class, *args, title, body, **kwargs):
        story = model_class.objects.create(*args, **kwargs)
        version = StoryVersion.objects.create(
            story=story, number=1, original_title=title, original_body=body, title=title, body=body
        )
        story.current_version = version
        if story.status != Status.DRAFT:
            story.published_version = version
        story.save()
        return story


def name_span(version, original="Ik", start=0, source="deduce") -> DeidentificationSpan:
    """A de-identification span on `version`: `original` at `start` in the body, hidden as
    "[naam 1]"."""
    return DeidentificationSpan.objects.create(
        version=version,
        field="body",
        kind="name",
        start=start,
        end=start + len(original),
        original=original,
        suggested="[naam 1]",
        replacement="[naam 1]",
        source=source,
    )

"""The vocabulary kept in each app process until it changes (`core.generations`): a few
hundred concepts that nearly every page names, so that naming one costs no query."""

from wijkennis.core.generations import cached_per_generation

from .models import Concept


@cached_per_generation("vocabulary")
def concepts_by_slug() -> dict[str, Concept]:
    """Every concept by its slug. Shared by the requests of this process: read them only."""
    return {concept.slug: concept for concept in Concept.objects.all()}


def concepts_among(ids) -> list[Concept]:
    """The concepts with these ids, in the vocabulary's order (scheme, then label)."""
    wanted = set(ids)
    return [concept for concept in concepts_by_slug().values() if concept.pk in wanted]

import datetime

from django.utils import timezone

from tests.factories import ConceptFactory
from wijkennis.intervision import services


def group_of(people, *members, facilitator=None, themes=None, **extra):
    """A group facilitated by Anouk (unless told otherwise) with `members` accepted."""
    facilitator = facilitator or people.anouk
    if themes is None:
        themes = [ConceptFactory(slug="schulden", pref_label="Schulden")]
    group = services.create_group(
        facilitator,
        **{"name": "Intervisie Testdam", "region": "Testdam", "themes": themes} | extra,
    )
    for person in members:
        place = services.request_to_join(person, group)
        services.decide_request(facilitator, place, accept=True)
    return group


def session_of(group, *, days=7, method="incidentmethode", facilitator=None, **extra):
    """A session `days` from now (negative: in the past)."""
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    data = {
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
        "method": method,
        "place": "Buurthuis De Linde",
    } | extra
    return services.plan_session(facilitator or group.facilitator, group, **data)


def matrix_world(people) -> dict:
    """For the permission matrix: Anouk (A) facilitates a group with Bram (B), themed with the
    concept "schulden"; Bram shared a case; the coordinator of A asked to join; a lesson."""
    from wijkennis.intervision.models import Case
    from wijkennis.vocabulary.models import Concept

    group = group_of(people, people.bram, themes=Concept.objects.filter(slug="schulden"))
    session = session_of(group)
    case = Case.objects.create(
        session=session, author=people.bram, original_text="Casus", text="Casus"
    )
    services.share_case(people.bram, case)
    lesson = services.record_lesson(people.anouk, session, title="Rust", text="Eerst luisteren.")
    return {
        "group_pk": group.pk,
        "member_pk": services.request_to_join(people.coordinator, group).pk,
        "session_pk": session.pk,
        "case_pk": case.pk,
        "lesson_pk": lesson.pk,
    }

"""records.py: intervision attended, for the training record and the team overview."""

import datetime

from wijkennis.intervision import services
from wijkennis.intervision.records import attendance_by_user, sessions_attended

from .helpers import group_of, session_of


def test_members_attended_the_sessions_that_took_place_since_they_joined(people):
    group = group_of(people, people.bram)
    group.members.update(joined_at=group.created_at - datetime.timedelta(days=30))
    past = session_of(group, days=-3)
    session_of(group, days=3)  # not yet
    assert list(sessions_attended(people.bram)) == [past]
    assert list(sessions_attended(people.coordinator_b)) == []
    # Joined later: earlier sessions do not count.
    services.request_to_join(people.coordinator_b, group)
    services.decide_request(people.anouk, group.members.get(user=people.coordinator_b), accept=True)
    assert list(sessions_attended(people.coordinator_b)) == []
    assert attendance_by_user([people.anouk, people.bram, people.coordinator_b]) == {
        people.anouk.pk: 1,
        people.bram.pk: 1,
        people.coordinator_b.pk: 0,
    }


def test_when_attendance_is_taken_only_those_present_count(people):
    group = group_of(people, people.bram)
    group.members.update(joined_at=group.created_at - datetime.timedelta(days=30))
    first = session_of(group, days=-10)
    second = session_of(group, days=-3)
    services.record_attendance(people.anouk, second, [people.anouk])
    assert list(sessions_attended(people.anouk)) == [first, second]
    assert list(sessions_attended(people.bram)) == [first]
    assert attendance_by_user([people.anouk.pk, people.bram.pk]) == {
        people.anouk.pk: 2,
        people.bram.pk: 1,
    }


def test_a_request_is_not_attendance(people):
    group = group_of(people)
    session_of(group, days=-1)
    services.request_to_join(people.bram, group)
    assert not sessions_attended(people.bram).exists()
    assert not sessions_attended(people.anonymous).exists()
    assert attendance_by_user([]) == {}

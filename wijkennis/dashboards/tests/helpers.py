import datetime

from wijkennis.trajectories import services
from wijkennis.trajectories.models import Trajectory
from wijkennis.trajectories.tests.helpers import debt_type


def trajectory(person, organisation, *, furthest, involved=True, start=None, only=None):
    """A debt trajectory started on `start` whose steps 1..`furthest` have a date one week apart
    (`only`: date just these step numbers). Without dated steps it counts from `start` as the
    day it was recorded."""
    start = start or datetime.date(2026, 2, 2)
    steps = {step.order: step.pk for step in debt_type().steps.all()}
    made = services.create_trajectory(
        person,
        organisation,
        type=debt_type(),
        code=f"SD-{Trajectory.objects.count() + 1}",
        experience_worker_involved=involved,
    )
    orders = only if only is not None else range(1, (furthest or 0) + 1)
    services.set_step_dates(
        person,
        made,
        {steps[order]: start + datetime.timedelta(weeks=i) for i, order in enumerate(orders)},
    )
    Trajectory.objects.filter(pk=made.pk).update(
        created_at=datetime.datetime.combine(start, datetime.time(12), tzinfo=datetime.UTC)
    )
    return made


def utrecht_cohort(person, organisation):
    """19 trajectories started in 2026 (see test_figures for the hand count).

    With an experience worker (12): 5 reached step 6 (debt-free), 1 step 5, 3 step 3 (one of
    them has only step 3 dated), 2 step 2, 1 has no dated step.
    Without (7, like Utrecht before experience workers): 1 reached step 6, 2 step 2, 4 only
    step 1.
    """
    day = datetime.date(2026, 2, 2)
    with_worker = [6] * 5 + [5] + [3, 3] + [2, 2] + [None]
    for n, furthest in enumerate(with_worker):
        trajectory(person, organisation, furthest=furthest, start=day + datetime.timedelta(days=n))
    trajectory(person, organisation, furthest=3, only=[3], start=day)
    for n, furthest in enumerate([6] + [2, 2] + [1] * 4):
        trajectory(
            person,
            organisation,
            furthest=furthest,
            involved=False,
            start=day + datetime.timedelta(days=n),
        )

import datetime
from decimal import Decimal

from wijkennis.trajectories import services
from wijkennis.trajectories.models import DEBT_TYPE_NAME, TrajectoryType


def debt_type():
    return TrajectoryType.objects.get(organisation=None, name=DEBT_TYPE_NAME)


def trajectory_for(person, organisation, code="SD-2024-07", **extra):
    return services.create_trajectory(person, organisation, type=debt_type(), code=code, **extra)


def with_creditors(person, trajectory):
    """Three letters: totals 1.234,56 + 80,00 + 12.000,05 = 13.314,61."""
    rows = [
        ("Energiebedrijf Noord", "1234.56", datetime.date(2026, 9, 1), datetime.date(2026, 12, 1)),
        ("Incassobureau Vlot", "80", datetime.date(2026, 10, 5), datetime.date(2026, 11, 30)),
        ("Belastingdienst Toeslagen", "12000.05", datetime.date(2026, 8, 1), None),
    ]
    for name, amount, letter, deadline in rows:
        services.save_creditor(
            person,
            trajectory,
            name=name,
            amount=Decimal(amount),
            letter_date=letter,
            deadline=deadline,
            note="",
        )
    return trajectory

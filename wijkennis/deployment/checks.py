"""Built-in checks of an inzetplan. Each warns about one known pitfall and gives the reason from
the source texts (docs/ARCHITECTURE.md, "Inzetplan"), so a coordinator can explain it onward.

Every check looks at the plan as saved (phases, workers) and returns a `PlanWarning` or None.
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .models import BudgetKind, DeploymentPlan, Phase, PhaseKind

# Fewer paid experience workers than this in five years is a token number; so is fewer than
# this many paid hours a week together (three people at one day a week and a bit).
TOKEN_MINIMUM_WORKERS = 3
TOKEN_MINIMUM_HOURS = 24

MOVISIE_2020 = "Movisie (2020), Ervaringswerk in het sociaal domein"
MOVISIE_2021 = (
    "Movisie (2021), Handreiking voor gemeenten die aan de slag gaan met ervaringsdeskundigheid"
)
MOVISIE_ARTICLE = "Movisie, Meer betaalde ervaringswerkers in het sociale domein. Maar hoe dan?"
UTRECHT_INTERVIEW = "Gemeente Utrecht, De inzet van ervaringsdeskundigen bij de gemeente Utrecht"
UTRECHT_CONDITIONS = "Gemeente Utrecht, Ervaringsdeskundige ziet het gezichtspunt van de hulpvrager"


@dataclass(frozen=True)
class PlanWarning:
    code: str  # stable, for tests and exports
    message: str  # what is the matter with this plan
    reason: str  # why it matters, after the source
    source: str  # where the reason comes from

    def as_dict(self) -> dict:
        return asdict(self)


def format_hours(value) -> str:
    """12.0 → "12", 12.5 → "12.5"."""
    return f"{Decimal(value).normalize():f}"


def _phases(plan: DeploymentPlan) -> list[Phase]:
    order = list(PhaseKind.values)
    return sorted(plan.phases.all(), key=lambda phase: order.index(phase.kind))


def _names(phases) -> str:
    return ", ".join(str(phase.get_kind_display()).lower() for phase in phases)


def lone_worker(plan: DeploymentPlan) -> PlanWarning | None:
    alone = [phase for phase in _phases(plan) if phase.paid_headcount == 1]
    if not alone:
        return None
    return PlanWarning(
        "lone_worker",
        _("One experience worker would be on their own (%(phases)s).") % {"phases": _names(alone)},
        _(
            "A one-person post is not a good idea: at least one peer should work in the same "
            "organisation, so that experience workers can consult and support each other. "
            "Appoint more than one."
        ),
        _(
            "%(movisie_2020)s, §2.11 (“Eenmansposities verdienen niet de voorkeur”); "
            "%(movisie_2021)s (“Stel bij voorkeur meer dan een ervaringswerker aan”)"
        )
        % {"movisie_2020": MOVISIE_2020, "movisie_2021": MOVISIE_2021},
    )


def token_number(plan: DeploymentPlan) -> PlanWarning | None:
    five = next((p for p in _phases(plan) if p.kind == PhaseKind.FIVE_YEARS), None)
    if five is None or (
        five.paid_headcount >= TOKEN_MINIMUM_WORKERS and five.hours_per_week >= TOKEN_MINIMUM_HOURS
    ):
        return None
    return PlanWarning(
        "token_number",
        _(
            "In 5 years the plan counts %(count)s paid experience workers with %(hours)s hours a "
            "week together. That is a token number: plan at least %(minimum_workers)s people and "
            "%(minimum_hours)s hours a week."
        )
        % {
            "count": five.paid_headcount,
            "hours": format_hours(five.hours_per_week),
            "minimum_workers": TOKEN_MINIMUM_WORKERS,
            "minimum_hours": TOKEN_MINIMUM_HOURS,
        },
        _(
            "An organisation that takes experience work seriously employs enough people: more "
            "than a symbolic number, enough to make a difference. Do not let experience workers "
            "be marginalised in numbers, and never employ them for show."
        ),
        _(
            "%(movisie_2020)s, recommendations 10 (“meer dan een symbolisch aantal”) and 12; "
            "%(movisie_2021)s (“Een absolute don't is het inschakelen van ervaringsdeskundigen "
            "voor de bühne”)"
        )
        % {"movisie_2020": MOVISIE_2020, "movisie_2021": MOVISIE_2021},
    )


def no_secondary_tasks(plan: DeploymentPlan) -> PlanWarning | None:
    missing = [p for p in _phases(plan) if p.paid_headcount > 0 and not p.secondary_tasks.strip()]
    if not missing:
        return None
    return PlanWarning(
        "no_secondary_tasks",
        _(
            "No tasks in the secondary process (policy, training, improving the organisation) "
            "for: %(phases)s."
        )
        % {"phases": _names(missing)},
        _(
            "Experience workers can do more than their work with clients. To make a difference "
            "beyond single cases they need a part in the secondary process (policy), written into "
            "their job description, with how, when and to what end."
        ),
        _("%(movisie_2020)s, §2.8 and recommendations 7, 8 and 12")
        % {"movisie_2020": MOVISIE_2020},
    )


def no_supervision(plan: DeploymentPlan) -> PlanWarning | None:
    if not any(phase.paid_headcount > 0 for phase in _phases(plan)):
        return None
    workers = list(plan.workers.all())
    if not workers:
        message = _(
            "The plan names no experience workers with their content supervisor and personal "
            "supervisor yet."
        )
    else:
        lacking = [w for w in workers if not (w.content_supervisor and w.personal_supervisor)]
        if not lacking:
            return None
        message = _("Not yet a content supervisor and a personal supervisor for: %(names)s.") % {
            "names": ", ".join(worker.name for worker in lacking)
        }
    return PlanWarning(
        "no_supervision",
        message,
        _(
            "The plan says how experience workers are received, supervised and trained. Each "
            "needs support in combining their own vulnerability with the work (personal "
            "supervision) and in developing their expertise (content supervision)."
        ),
        _(
            "%(article)s, step 2 (“hoe de ervaringswerkers in de organisatie ontvangen, begeleid "
            "en verder geschoold worden”); %(utrecht)s (“aandacht voor de combinatie eigen "
            "kwetsbaarheid en werk”; “aandacht voor de doorontwikkeling van de "
            "ervaringsdeskundigheid”)"
        )
        % {"article": MOVISIE_ARTICLE, "utrecht": UTRECHT_CONDITIONS},
    )


def no_structural_budget(plan: DeploymentPlan) -> PlanWarning | None:
    later = [
        phase
        for phase in _phases(plan)
        if phase.kind != PhaseKind.NOW
        and phase.paid_headcount > 0
        and not (phase.budget_kind == BudgetKind.STRUCTURAL and (phase.budget_per_year or 0) > 0)
    ]
    if not later:
        return None
    return PlanWarning(
        "no_structural_budget",
        _("No structural budget after the project phase (%(phases)s).") % {"phases": _names(later)},
        _(
            "When experience work runs on project money, contracts stay temporary and the work "
            "stops with the project. Where it lasts, there is trust in a structural budget and "
            "experience workers are employed."
        ),
        _(
            "%(utrecht)s (“Het vertrouwen dat er structureel budget is voor de inzet van "
            "ervaringsdeskundigheid”); %(movisie_2021)s (“Soms gaat het om een vast dienstverband, "
            "soms om tijdelijke projecten”)"
        )
        % {"utrecht": UTRECHT_INTERVIEW, "movisie_2021": MOVISIE_2021},
    )


CHECKS: tuple[Callable[[DeploymentPlan], PlanWarning | None], ...] = (
    lone_worker,
    token_number,
    no_secondary_tasks,
    no_supervision,
    no_structural_budget,
)


def checks(plan: DeploymentPlan) -> list[PlanWarning]:
    """The warnings for `plan`, in a fixed order; an empty list when nothing is found."""
    return [warning for check in CHECKS if (warning := check(plan)) is not None]

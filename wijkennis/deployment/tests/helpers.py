"""A plan that passes every check, as `save_plan` arguments and as the page's POST data."""

import copy
import datetime


def good_plan(**changes) -> dict:
    """Three workers now, five in 2 years, eight in 5 years; tasks in every process; structural
    money after the project phase; every worker with both supervisors."""
    plan = {
        "title": "Ervaringswerk in de wijkteams",
        "starts_on": datetime.date(2025, 3, 1),
        "onboarding": "Inwerken met een maatje en intervisie elke maand.",
        "phases": {
            "now": _phase(3, "60", "project", "90000"),
            "two_years": _phase(5, "110", "structural", "185000"),
            "five_years": _phase(8, "180", "structural", "320000"),
        },
        "workers": [
            {
                "name": f"Ervaringswerker {n}",
                "content_supervisor": "Teamleider wijk",
                "personal_supervisor": "Coach",
            }
            for n in (1, 2, 3)
        ],
        "partners": [
            {"kind": "mbo_course", "name": "ROC Testdam", "notes": "MBO 3-opleiding samen opzetten"}
        ],
    }
    plan = copy.deepcopy(plan)
    for key, value in changes.items():
        plan[key] = value
    return plan


def _phase(headcount, hours, budget_kind, budget) -> dict:
    return {
        "paid_headcount": headcount,
        "hours_per_week": hours,
        "mbo_share": 60,
        "hbo_share": 30,
        "budget_per_year": budget,
        "budget_kind": budget_kind,
        "natural_attrition": "Twee woonbegeleiders gaan met pensioen.",
        "growth": "Nieuw team in Oost.",
        "job_carving": "Huisbezoeken bij schulden gaan naar ervaringswerkers.",
        "primary_tasks": "Huisbezoeken, spreekuur.",
        "secondary_tasks": "Meedenken over beleid, scholing van collega's.",
        "tertiary_tasks": "",
    }


def with_phase(plan: dict, kind: str, **values) -> dict:
    plan = copy.deepcopy(plan)
    plan["phases"][kind].update(values)
    return plan


def as_post(plan: dict, extra_rows: int = 2) -> dict:
    """The form fields the plan page posts for `plan` (formsets with `extra_rows` empty rows)."""
    data = {
        "title": plan["title"],
        "starts_on": plan["starts_on"].isoformat() if plan.get("starts_on") else "",
        "onboarding": plan.get("onboarding", ""),
    }
    for kind, values in plan["phases"].items():
        for name, value in values.items():
            data[f"{kind}-{name}"] = "" if value is None else str(value)
    for prefix, fields in (
        ("workers", ("name", "content_supervisor", "personal_supervisor")),
        ("partners", ("kind", "name", "notes")),
    ):
        rows = list(plan.get(prefix, [])) + [{}] * extra_rows
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        for index, row in enumerate(rows):
            for name in fields:
                data[f"{prefix}-{index}-{name}"] = row.get(name, "")
    return data

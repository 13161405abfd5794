"""Dashboard figures kept in the shared cache.

A dashboard counts tens of thousands of rows: 44 ms a page at 1 000 000 stories, most of the
time of a mixed load (docs/BENCHMARKS.md), while people open the same dashboard again and again.
Any row saved or deleted in an app the figures count moves the "dashboards" generation, so an
erasure, a deleted account, a new story or an answered inbreng counts at once. The few changes
made in bulk, without Django's signals, count within SECONDS.
"""

import hashlib

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from wijkennis.core.generations import bump, cached

from .charts import bar_chart
from .figures import dashboard_sections
from .tables import Period, Section

COUNTED_APPS = {
    "accounts",
    "deployment",
    "inbreng",
    "knowledge",
    "organisations",
    "referrals",
    "stories",
    "trajectories",
}
SECONDS = 120


def sections_for(scope, period: Period, trajectory_type=None) -> list[Section]:
    """`figures.dashboard_sections`, from the cache when nothing counted changed since."""
    return cached(
        "dashboards",
        lambda: dashboard_sections(scope, period, trajectory_type),
        SECONDS,
        _name(scope, period, trajectory_type),
    )


def sections_html(scope, period: Period, trajectory_type=None) -> SafeString:
    """The sections as the page shows them, charts beside their tables (counts only, no text of
    anyone): rendering them took half of a dashboard page."""

    def render() -> str:
        sections = sections_for(scope, period, trajectory_type)
        for section in sections:
            section.charted = [(table, bar_chart(table)) for table in section.tables]
        return render_to_string("dashboards/_sections.html", {"sections": sections})

    name = _name(scope, period, trajectory_type) + ":html"
    return mark_safe(cached("dashboards", render, SECONDS, name))  # noqa: S308 - our template


def _name(scope, period: Period, trajectory_type) -> str:
    parts = (
        scope.kind,
        scope.subject.pk,
        scope.organisation_ids,
        scope.receiver_ids,
        period.start,
        period.end,
        trajectory_type.pk if trajectory_type else None,
        get_language(),  # the figures carry translated labels
    )
    return "dashboard:" + hashlib.sha256(repr(parts).encode()).hexdigest()


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def _counted_rows_changed(sender, **kwargs) -> None:
    # A user's sign-in only stamps last_login: it changes no figure.
    if kwargs.get("update_fields") == frozenset({"last_login"}):
        return
    if sender._meta.app_label in COUNTED_APPS:
        bump("dashboards")

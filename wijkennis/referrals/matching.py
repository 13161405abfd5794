"""Rank ervaringswerkers for a referral. Pure: no queries beyond what the profiles carry.

Scoring (higher is better), each part explained to the coordinator in plain words:
- 3 points per life domain of the referral the worker has experience with;
- 3 points when the worker speaks the preferred language (no language asked: 0);
- 2 points when the worker works in the referral's wijk;
- 1 point when the worker has room (hours per week above the caseload).
A worker fits only with at least one shared domain or the asked language, and with room.
Ties: lower caseload first, then name (stable).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

HOURS_PER_CLIENT = 2  # one client takes about two hours a week


@dataclass
class Suggestion:
    profile: object
    score: int
    caseload: int
    free_places: int
    reasons: list[str] = field(default_factory=list)

    @property
    def worker(self):
        return self.profile.user

    @property
    def reason_text(self) -> str:
        return ", ".join(self.reasons)


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def rank_workers(referral, profiles) -> list[Suggestion]:
    """`profiles`: iterable of ExperienceProfile (the caller passes only matchable ones)."""
    wanted = {concept.pk: concept for concept in referral.domains.all()}
    language, wijk = referral.language, referral.wijk
    suggestions = []
    for profile in profiles:
        caseload = profile.caseload
        free = max(profile.hours_per_week // HOURS_PER_CLIENT - caseload, 0)
        shared = [wanted[c.pk] for c in profile.domains.all() if c.pk in wanted]
        speaks = bool(language) and any(_same(language, x) for x in profile.language_list)
        in_wijk = bool(wijk) and any(_same(wijk, x) for x in profile.wijk_list)
        if not (shared or speaks) or free == 0:
            continue
        reasons = []
        if shared:
            names = ", ".join(c.pref_label.lower() for c in shared)
            reasons.append(_("experience with %(domains)s") % {"domains": names})
        if speaks:
            reasons.append(_("speaks %(language)s") % {"language": language})
        if in_wijk:
            reasons.append(_("works in %(wijk)s") % {"wijk": wijk})
        reasons.append(_("%(count)s places free") % {"count": free})
        score = 3 * len(shared) + 3 * speaks + 2 * in_wijk + 1
        suggestions.append(Suggestion(profile, score, caseload, free, reasons))
    suggestions.sort(
        key=lambda s: (-s.score, s.caseload, s.worker.get_full_name() or s.worker.email)
    )
    return suggestions

import json

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from wijkennis.accounts.commands import user_from_email
from wijkennis.search.queries import search_stories


class Command(BaseCommand):
    help = (
        "Search the stories as the page does, scoped to a user (default: anonymous, public only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("query")
        parser.add_argument("--as", dest="as_user", help="search as this user (e-mail)")
        parser.add_argument("--limit", type=int, default=20)
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="one JSON object per result"
        )

    def handle(self, *args, query, as_user, limit, as_json, **options):
        user = user_from_email(as_user) if as_user else AnonymousUser()
        results = search_stories(query, user, per_page=max(1, min(limit, 100)))
        if as_json:
            for hit in results.hits:
                self.stdout.write(_dumps(hit))
            return
        total = results.total if not results.total_capped else _("more than %s") % results.total
        self.stdout.write(_("%(total)s results for “%(query)s”") % {"total": total, "query": query})
        for rank, hit in enumerate(results.hits, start=1):
            why = "; ".join(f"{via} → {label}" for via, label in hit.via) or _(
                "the words themselves"
            )
            details = _("score %(score)s; found via: %(why)s") % {
                "score": f"{hit.score:.4g}",
                "why": why,
            }
            self.stdout.write(
                f"{rank:>3}. #{hit.story.pk} {hit.story.published_version.title}  ({details})"
            )
        if results.suggestion:
            self.stdout.write(_("Did you mean") + f" “{results.suggestion}”?")


def _dumps(hit) -> str:
    return json.dumps(
        {
            "id": hit.story.pk,
            "title": hit.story.published_version.title,
            "score": round(hit.score, 6),
            "found_via": [{"query": via, "label": label} for via, label in hit.via],
            "url": hit.story.get_absolute_url(),
        },
        ensure_ascii=False,
    )

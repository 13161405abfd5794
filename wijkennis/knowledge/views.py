import hashlib
import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, Q, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkennis.core.concurrency import StaleEdit
from wijkennis.core.generations import cached
from wijkennis.core.models import record_event
from wijkennis.organisations.models import OrganisationKind
from wijkennis.search.queries import shared_readership
from wijkennis.stories.models import Status, Story, readable_q
from wijkennis.vocabulary.lookups import concepts_by_slug

from . import research as research_exports
from . import services
from .forms import ItemForm, RecognitionForm, ReportForm, RevisionForm
from .models import ExperienceReport, ItemStatus, KnowledgeItem, KnowledgeVersion
from .patterns import patterns_context
from .qdpx import build_qdpx

# Established knowledge first, then what is in review, then proposals.
STATUS_ORDER = Case(
    When(status=ItemStatus.VASTGESTELD, then=0),
    When(status=ItemStatus.IN_REVIEW, then=1),
    default=2,
)


def _item(request, item_pk) -> KnowledgeItem:
    return get_object_or_404(
        KnowledgeItem.objects.visible_to(request.user).select_related("current", "created_by"),
        pk=item_pk,
    )


@login_required
def item_list(request):
    items = (
        KnowledgeItem.objects.visible_to(request.user)
        .select_related("current")
        .prefetch_related("current__situations")
    )
    status = request.GET.get("status", "")
    if status in ItemStatus.values:
        items = items.filter(status=status)
    return render(
        request,
        "knowledge/list.html",
        {
            "items": items[:100],
            "status": status,
            "statuses": ItemStatus.choices,
            "can_contribute": services.can_contribute(request.user),
            "may_export": research_exports.may_export(request.user),
        },
    )


def _save_item(request, form, item=None, story=None):
    data = dict(form.cleaned_data)
    situations = list(data.pop("situations"))
    try:
        if item is None:
            return services.propose_item(
                request.user, situations=situations, from_story=story, **data
            )
        stories = list(item.current.stories.all())
        services.revise_item(request.user, item, situations=situations, stories=stories, **data)
        return item
    except ValidationError as error:
        form.add_error(None, error)
        return None
    except StaleEdit as stale:
        # Keep what the person typed; the next save starts from the version they can now see.
        form.data = form.data.copy()
        form.data["base_version"] = stale.current_version
        form.add_error(None, stale.message)
        form.stale = True
        return None


@login_required
def item_create(request):
    if not services.can_contribute(request.user):
        raise PermissionDenied
    story = None
    if request.GET.get("verhaal", "").isdigit():
        story = get_object_or_404(
            Story.objects.visible_to(request.user).with_published_text(),
            pk=request.GET["verhaal"],
        )
    initial = {}
    if story is not None:
        version = story.published_version
        initial = {
            "title": version.title,
            "situations": list(story.concepts.values_list("slug", flat=True)),
            "what_helped": version.what_helped,
            "what_made_worse": version.what_did_not_help,
        }
    form = ItemForm(request.POST or None, initial=initial)
    saved = request.method == "POST" and form.is_valid() and _save_item(request, form, story=story)
    if saved:
        messages.success(request, _("Thank you. Peers can now say whether they recognise it."))
        return redirect(saved)
    return render(
        request,
        "knowledge/form.html",
        {"form": form, "story": story},
        status=400 if form.errors else 200,
    )


@login_required
def item_edit(request, item_pk):
    item = _item(request, item_pk)
    if not services.can_edit(request.user, item):
        raise PermissionDenied
    version = item.current
    initial = {name: getattr(version, name) for name in services.CONTENT_FIELDS}
    initial["situations"] = list(version.situations.values_list("slug", flat=True))
    initial["base_version"] = version.number
    form = RevisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and _save_item(request, form, item):
        messages.success(request, _("Saved as a new version."))
        return redirect(item)
    stale = getattr(form, "stale", False)
    if stale:
        item.refresh_from_db()
    return render(
        request,
        "knowledge/form.html",
        {"form": form, "item": item, "newer_version": item.current if stale else None},
        status=409 if stale else 400 if form.errors else 200,
    )


@login_required
def item_detail(request, item_pk, recognition_form=None, status=200):
    item = _item(request, item_pk)
    version = item.current
    mine = version.recognitions.filter(user=request.user).first()
    return render(
        request,
        "knowledge/item.html",
        {
            "item": item,
            "version": version,
            "situations": version.situations.all(),
            "stories": Story.objects.visible_to(request.user)
            .filter(knowledge_versions=version)
            .with_published_text(),
            "counts": services.recognition_counts(version),
            "rule": services.establish_rule(),
            "rule_met": services.rule_met(version),
            "comments": version.recognitions.exclude(comment="").select_related("organisation"),
            "versions": item.versions.select_related("created_by"),
            "mine": mine,
            "recognition_form": recognition_form
            or RecognitionForm(
                initial={"recognises": "ja" if mine is None or mine.recognises else "nee"}
            ),
            "can_contribute": services.can_contribute(request.user),
            "can_edit": services.can_edit(request.user, item),
            "can_review": services.can_review(request.user),
        },
        status=status,
    )


@login_required
@require_POST
def item_recognise(request, item_pk):
    item = _item(request, item_pk)
    if not services.can_contribute(request.user):
        raise PermissionDenied
    form = RecognitionForm(request.POST)
    if not form.is_valid():
        return item_detail(request, item_pk, recognition_form=form, status=400)
    services.recognise(
        request.user, item, form.cleaned_data["recognises"], form.cleaned_data["comment"]
    )
    messages.success(request, _("Thank you for saying whether you recognise it."))
    return redirect(item)


@login_required
@require_POST
def item_submit(request, item_pk):
    item = _item(request, item_pk)
    services.submit_for_review(request.user, item)
    messages.success(request, _("Sent for review."))
    return redirect(item)


@login_required
@require_POST
def item_establish(request, item_pk):
    item = _item(request, item_pk)
    try:
        services.establish(request.user, item)
        messages.success(request, _("Established: this is now wij-kennis."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(item)


@login_required
def report_create(request):
    if not services.can_contribute(request.user):
        raise PermissionDenied
    initial = {"situation": request.GET.get("situatie")}
    form = ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.submit_report(request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. Your experience now counts in the patterns."))
            return redirect("knowledge:advice", slug=report.situation.slug)
    return render(
        request, "knowledge/report.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def my_reports(request):
    reports = ExperienceReport.objects.own(request.user).select_related("situation", "tried")
    return render(request, "knowledge/my_reports.html", {"reports": reports[:200]})


@login_required
def advice_card(request, slug):
    """Before a home visit: the knowledge, the patterns and the stories for one situation."""
    situation = concepts_by_slug().get(slug)
    if situation is None:
        raise Http404
    kind = request.GET.get("soort", "")
    kind = kind if kind in OrganisationKind.values else None
    items = (
        KnowledgeItem.objects.visible_to(request.user)
        .filter(current__situations=situation)
        .select_related("current")
        .annotate(
            recognised=Count(
                "current__recognitions", filter=Q(current__recognitions__recognises=True)
            )
        )
        .order_by(STATUS_ORDER, "-recognised")
    )
    items = list(items[:10])
    return render(
        request,
        "knowledge/advice.html",
        {
            "situation": situation,
            "items": items,
            **patterns_context(situation, kind, show_all=bool(request.GET.get("alle"))),
            "kind": kind,
            "kinds": OrganisationKind.choices,
            "stories": _advice_stories(request.user, situation, items),
            "can_contribute": services.can_contribute(request.user),
        },
    )


def _advice_stories(user, situation, items, count=5) -> list[Story]:
    """The stories behind the most recognised items first, then the newest about the situation;
    the choice (ids, no text) is shared by everyone with the same readership until the search
    index changes, as a publication, withdrawal or erasure does. Then only their titles are read."""
    recognised = {item.current_id: item.recognised for item in items}
    readers = shared_readership(user)
    key = repr((readers, situation.pk, sorted(recognised.items()), count))
    chosen = cached(
        "search",
        lambda: _choose_stories(readers, situation, recognised, count),
        settings.WIJKENNIS_SEARCH_CACHE_SECONDS,
        "advice:stories:" + hashlib.sha256(key.encode()).hexdigest(),
    )
    readable = Story.objects.visible_to(user).filter(pk__in=chosen)
    titles = readable.select_related("published_version").only("published_version__title")
    by_pk = {story.pk: story for story in titles}
    return [by_pk[pk] for pk in chosen if pk in by_pk]


def _choose_stories(readers, situation, recognised: dict[int, int], count: int) -> list[int]:
    # Counting recognitions over every story of a common situation cost 20–70 ms.
    links = KnowledgeVersion.stories.through.objects.filter(knowledgeversion_id__in=recognised)
    rank: dict[int, int] = {}
    for story_id, version_id in links.values_list("story_id", "knowledgeversion_id"):
        rank[story_id] = max(rank.get(story_id, 0), recognised[version_id])
    # Published only: an author's own drafts are theirs, not evidence for peers.
    published = Q(status=Status.PUBLISHED, published_version__isnull=False)
    readable = Story.objects.filter(readable_q(readers, published), status=Status.PUBLISHED)
    evidence = readable.filter(pk__in=rank).values_list("pk", flat=True)
    chosen = sorted(evidence, key=lambda pk: (-rank[pk], -pk))[:count]
    need = count - len(chosen)
    if need <= 0:
        return chosen
    # Newest first among the latest 200 stories about the situation (an index on the link
    # table gives those at once); only when the reader may see too few of them, all of them.
    latest = list(
        Story.concepts.through.objects.filter(concept=situation)
        .order_by("-story_id")
        .values_list("story_id", flat=True)[:200]
    )
    others = readable.exclude(pk__in=chosen).order_by("-published_at").values_list("pk", flat=True)
    newest = list(others.filter(pk__in=latest)[:need])
    if len(newest) < need and len(latest) == 200:
        newest = list(others.filter(concepts=situation)[:need])
    return chosen + newest


@login_required
def research(request):
    if not research_exports.may_export(request.user):
        raise PermissionDenied
    return render(request, "knowledge/research.html", {"datasets": research_exports.DATASETS})


@login_required
def research_download(request, dataset, extension):
    if not research_exports.may_export(request.user):
        raise PermissionDenied
    if dataset == "verhalen" and extension == "qdpx":
        buffer = io.BytesIO()
        build_qdpx(request.user, buffer)
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        filename = "wijkennis-verhalen.qdpx"
    elif dataset in research_exports.DATASETS and extension in ("csv", "json"):
        rows = research_exports.rows_for(dataset, request.user)
        if extension == "csv":
            response = HttpResponse(research_exports.as_csv(rows), content_type="text/csv")
        else:
            response = HttpResponse(research_exports.as_json(rows), content_type="application/json")
        filename = f"wijkennis-{dataset}.{extension}"
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    record_event(request.user, "knowledge.exported", request.user, f"{dataset}.{extension}")
    return response

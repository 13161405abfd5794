from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkennis.core.concurrency import StaleEdit
from wijkennis.core.generations import cached_per_generation
from wijkennis.search import text
from wijkennis.stories.models import Story

from . import services
from .forms import CommentForm, DecisionForm, ProposalForm
from .lookups import concepts_by_slug
from .models import AltLabel, Concept, Proposal, ProposalStatus, Scheme


def _letter(label: str) -> str:
    first = text.fold(label)[:1].upper()
    return first if first.isalpha() else "#"


@dataclass(frozen=True)
class _IndexEntry:
    concept: Concept
    url: str
    letter: str
    words: tuple[str, ...]  # folded: the preferred label, then every other (misspellings too)


@cached_per_generation("vocabulary")
def _a_to_z() -> list[_IndexEntry]:
    """Every concept in A–Z order, with what the index page looks up and links: reading all
    concepts and labels on every request took 20 ms (docs/BENCHMARKS.md)."""
    labels = defaultdict(list)
    for concept_id, label in AltLabel.objects.values_list("concept_id", "label"):
        labels[concept_id].append(text.fold(label))
    entries = [
        _IndexEntry(
            concept,
            concept.get_absolute_url(),
            _letter(concept.pref_label),
            (text.fold(concept.pref_label), *labels[concept.pk]),
        )
        for concept in concepts_by_slug().values()
    ]
    return sorted(entries, key=lambda entry: entry.words[0])


def vocabulary_index(request):
    """A–Z of all concepts, narrowed by scheme or by words (hidden misspellings match too)."""
    query = request.GET.get("q", "").strip()[:100]
    scheme = request.GET.get("schema", "")
    wanted = text.fold(query)
    by_letter = defaultdict(list)
    for entry in _a_to_z():
        if scheme in Scheme.values and entry.concept.scheme != scheme:
            continue
        if wanted and not any(wanted in word for word in entry.words):
            continue
        by_letter[entry.letter].append(entry)
    return render(
        request,
        "vocabulary/index.html",
        {
            "query": query,
            "scheme": scheme,
            "schemes": Scheme.choices,
            "by_letter": sorted(by_letter.items()),
            "count": sum(len(group) for group in by_letter.values()),
        },
    )


def scheme_tree(request, scheme):
    if scheme not in Scheme.values:
        raise Http404
    concepts = list(Concept.objects.filter(scheme=scheme).order_by("pref_label"))
    children = defaultdict(list)
    for concept in concepts:
        children[concept.broader_id].append(concept)
    ids = {concept.id for concept in concepts}

    def tree(parent_id, seen=frozenset()):
        return [
            (concept, tree(concept.id, seen | {concept.id}))
            for concept in children[parent_id]
            if concept.id not in seen
        ]

    # A concept whose broader sits in another scheme is a root here.
    roots = [c for c in concepts if c.broader_id is None or c.broader_id not in ids]
    nodes = [(concept, tree(concept.id, frozenset({concept.id}))) for concept in roots]
    return render(
        request,
        "vocabulary/scheme.html",
        {"scheme": Scheme(scheme), "nodes": nodes, "schemes": Scheme.choices},
    )


def concept_detail(request, slug):
    from wijkennis.knowledge.models import KnowledgeItem
    from wijkennis.knowledge.patterns import patterns_context

    concept = get_object_or_404(
        Concept.objects.select_related("broader").prefetch_related(
            "alt_labels", "narrower", "related", "matches"
        ),
        slug=slug,
    )
    labels = defaultdict(list)
    for alt in concept.shown_labels():
        labels[alt.get_kind_display()].append(alt.label)
    stories = (
        Story.objects.visible_to(request.user)
        .filter(concepts=concept)
        .with_published_text()
        .order_by("-published_at")
    )
    return render(
        request,
        "vocabulary/concept.html",
        {
            "concept": concept,
            "labels": sorted(labels.items()),
            "stories": stories[:10],
            "story_count": stories.count(),
            "changes": concept.changes.select_related("changed_by")[:20],
            "open_proposals": concept.proposals.filter(status=ProposalStatus.OPEN)
            if request.user.is_authenticated
            else [],
            "can_propose": services.can_propose(request.user),
            **patterns_context(concept, show_all=bool(request.GET.get("alle"))),
            "knowledge": KnowledgeItem.objects.visible_to(request.user)
            .filter(current__situations=concept)
            .select_related("current")[:10],
            "situation": concept,
        },
    )


def label_check(request):
    """htmx, while typing a proposal: is this word in the vocabulary already?"""
    typed = request.GET.get("label", "")[:200] or request.GET.get("pref_label", "")[:200]
    found = services.existing_label(typed)
    # Name the concept, never the matched label: it may be a hidden misspelling.
    context = {"concept": found[0] if found else None, "typed": typed}
    return render(request, "vocabulary/_label_check.html", context)


@login_required
def proposal_list(request):
    proposals = (
        Proposal.objects.visible_to(request.user)
        .select_related("concept", "proposed_by")
        .annotate(
            agree=Count("votes", filter=Q(votes__agrees=True)),
            disagree=Count("votes", filter=Q(votes__agrees=False)),
        )
    )
    return render(
        request,
        "vocabulary/proposals.html",
        {
            "open": [p for p in proposals if p.status == ProposalStatus.OPEN],
            "decided": [p for p in proposals if p.status != ProposalStatus.OPEN][:30],
            "can_propose": services.can_propose(request.user),
        },
    )


@login_required
def proposal_create(request):
    if not services.can_propose(request.user):
        raise PermissionDenied
    initial = {"kind": request.GET.get("soort", "woord"), "concept": request.GET.get("begrip")}
    form = ProposalForm(request.POST or None, initial=initial)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.propose(
                request.user,
                kind=data["kind"],
                concept=data["concept"],
                pref_label=data["pref_label"],
                scheme=data["scheme"],
                broader=data["broader"],
                label=data["label"],
                label_kind=data["label_kind"],
                definition=data["definition"],
                reason=data["reason"],
            )
        except ValidationError as error:
            duplicate = services.existing_label(data["label"] or data["pref_label"])
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. Others can now react to your proposal."))
            return redirect(proposal)
    return render(
        request,
        "vocabulary/propose.html",
        {"form": form, "duplicate": duplicate[0] if duplicate else None},
        status=400 if form.errors else 200,
    )


def _proposal(request, proposal_pk) -> Proposal:
    return get_object_or_404(
        Proposal.objects.visible_to(request.user).select_related(
            "concept", "broader", "proposed_by", "decided_by"
        ),
        pk=proposal_pk,
    )


@login_required
def proposal_detail(request, proposal_pk, comment_form=None, decision_form=None, status=200):
    proposal = _proposal(request, proposal_pk)
    seen = proposal.concept.version if proposal.concept_id else None  # optimistic locking
    votes = list(proposal.votes.all())
    return render(
        request,
        "vocabulary/proposal.html",
        {
            "proposal": proposal,
            "agree": sum(v.agrees for v in votes),
            "disagree": sum(not v.agrees for v in votes),
            "my_vote": next((v.agrees for v in votes if v.voter_id == request.user.pk), None),
            "comments": proposal.comments.select_related("author"),
            "comment_form": comment_form or CommentForm(),
            "decision_form": decision_form or DecisionForm(initial={"concept_version": seen}),
            "can_vote": services.can_propose(request.user),
            "can_review": services.can_review(request.user),
        },
        status=status,
    )


@login_required
@require_POST
def proposal_vote(request, proposal_pk):
    proposal = _proposal(request, proposal_pk)
    if not services.can_propose(request.user):
        raise PermissionDenied
    agrees = request.POST.get("agrees")
    if agrees not in ("ja", "nee"):
        messages.error(request, _("Choose agree or disagree."))
    else:
        try:
            services.vote(request.user, proposal, agrees == "ja")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect(proposal)


@login_required
@require_POST
def proposal_comment(request, proposal_pk):
    proposal = _proposal(request, proposal_pk)
    if not (services.can_propose(request.user) or services.can_review(request.user)):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment(request.user, proposal, form.cleaned_data["text"])
        return redirect(proposal)
    return proposal_detail(request, proposal_pk, comment_form=form, status=400)


@login_required
@require_POST
def proposal_decide(request, proposal_pk):
    proposal = _proposal(request, proposal_pk)
    if not services.can_review(request.user):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "accept":
                concept = services.accept(
                    request.user, proposal, data["note"], concept_version=data["concept_version"]
                )
                messages.success(request, _("Accepted. The vocabulary has been changed."))
                return redirect(concept)
            services.reject(request.user, proposal, data["note"])
            messages.success(request, _("Not accepted. The member can read why."))
            return redirect(proposal)
        except ValidationError as error:
            form.add_error(None, error)
        except StaleEdit as stale:
            # The page shows the concept as it is now; the note the reviewer typed stays.
            form.data = form.data.copy()
            form.data["concept_version"] = stale.current_version
            form.add_error(None, stale.message)
            return proposal_detail(request, proposal_pk, decision_form=form, status=409)
    return proposal_detail(request, proposal_pk, decision_form=form, status=400)

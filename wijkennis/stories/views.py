from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wijkennis.core.models import record_event
from wijkennis.organisations.models import STORY_WRITER_ROLES, has_role
from wijkennis.vocabulary.lookups import concepts_among
from wijkennis.vocabulary.services import suggest_concepts

from . import services
from .forms import HidePhraseForm, PublishForm, SpanDecisionForm, StoryForm
from .models import TEXT_FIELDS, DeidentificationSpan, Status, Story
from .presentation import highlighted


def story_list(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    if query:
        # One search for words: stemmed, ranked and scoped (search app). A substring filter
        # here read the text of every readable story.
        return redirect(f"{reverse('search:search')}?{urlencode({'q': query})}")
    stories = (
        Story.objects.visible_to(request.user)
        .filter(status=Status.PUBLISHED)
        .with_published_text()
        .select_related("organisation")
        .prefetch_related("concepts")
    )
    page = NewestPaginator(stories, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "stories/story_list.html",
        {
            "page": page,
            "count_cap": NewestPaginator.COUNT_CAP,
            "can_write": has_role(request.user, STORY_WRITER_ROLES),
        },
    )


class NewestPaginator(Paginator):
    """Counts no further than COUNT_CAP + 1 stories: counting every readable story took 77 ms
    at 1 000 000. Past the cap the list says "more than", and search finds the older ones."""

    COUNT_CAP = 1000

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.COUNT_CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.COUNT_CAP


@login_required
def my_stories(request):
    stories = (
        Story.objects.owned_by(request.user)
        .select_related("current_version", "published_version")
        .order_by("-updated_at")
    )
    return render(
        request,
        "stories/my_stories.html",
        {"stories": stories, "can_write": has_role(request.user, STORY_WRITER_ROLES)},
    )


def story_detail(request, pk):
    story = get_object_or_404(
        Story.objects.visible_to(request.user).with_published_text().select_related("organisation"),
        pk=pk,
    )
    version = story.version_for(request.user)
    is_author = request.user.is_authenticated and story.author_id == request.user.pk
    if not is_author:
        record_event(request.user, "story.read", story)
    # Any writer may distill a published story into wij-kennis (knowledge.services.propose_item).
    can_distill = story.status == Status.PUBLISHED and has_role(request.user, STORY_WRITER_ROLES)
    # Only the ids are read, from the link table alone: the concepts are kept in this process.
    concepts = concepts_among(
        Story.concepts.through.objects.filter(story=story).values_list("concept_id", flat=True)
    )
    return render(
        request,
        "stories/story_detail.html",
        {
            "story": story,
            "version": version,
            "concepts": concepts,
            "is_author": is_author,
            "can_distill": can_distill,
        },
    )


@login_required
def story_create(request):
    if not has_role(request.user, STORY_WRITER_ROLES):
        raise PermissionDenied
    return _write(request, story=None)


@login_required
def story_edit(request, pk):
    return _write(request, story=get_object_or_404(Story.objects.owned_by(request.user), pk=pk))


def _write(request, story: Story | None):
    """The write form for a new story or a new version of `story`; saving de-identifies."""
    initial = {}
    if story is not None:
        initial = {field: story.current_version.original(field) for field in TEXT_FIELDS}
        initial["organisation"] = story.organisation_id
    form = StoryForm(
        request.POST or None, request.FILES or None, user=request.user, initial=initial
    )
    if story is not None and "organisation" in form.fields:
        form.fields["organisation"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        story = services.save_draft(
            request.user,
            organisation=story.organisation if story else data["organisation"],
            story=story,
            **{field: data[field] for field in TEXT_FIELDS},
        )
        messages.success(request, _("Saved. Now check what we hid."))
        return redirect("stories:review", pk=story.pk)
    return render(request, "stories/story_form.html", {"form": form, "story": story})


def _review_context(story, hide_form=None):
    version = story.current_version
    spans = list(version.spans.all())
    sections = [
        {
            "field": field,
            "parts": highlighted(version.original(field), [s for s in spans if s.field == field]),
        }
        for field in TEXT_FIELDS
        if version.original(field)
    ]
    return {
        "story": story,
        "version": version,
        "spans": spans,
        "sections": sections,
        "hide_form": hide_form or HidePhraseForm(),
    }


@login_required
def story_review(request, pk):
    story = get_object_or_404(Story.objects.owned_by(request.user), pk=pk)
    return render(request, "stories/story_review.html", _review_context(story))


@login_required
@require_POST
def span_decide(request, pk, span_pk):
    story = get_object_or_404(Story.objects.owned_by(request.user), pk=pk)
    span = get_object_or_404(DeidentificationSpan, pk=span_pk, version_id=story.current_version_id)
    form = SpanDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide_span(
                request.user, span, form.cleaned_data["decision"], form.cleaned_data["replacement"]
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
    else:
        messages.error(request, _("Choose what to do with this word."))
    story.refresh_from_db()
    if request.htmx:
        return render(request, "stories/_review_body.html", _review_context(story))
    return redirect(reverse("stories:review", args=[story.pk]) + f"#span-{span.pk}")


@login_required
@require_POST
def hide_phrase(request, pk):
    story = get_object_or_404(Story.objects.owned_by(request.user), pk=pk)
    form = HidePhraseForm(request.POST)
    if form.is_valid():
        try:
            count = services.hide_phrase(
                request.user,
                story.current_version,
                form.cleaned_data["phrase"],
                form.cleaned_data["replacement"],
            )
        except ValidationError as error:
            form.add_error("phrase", error.messages[0])
        else:
            if count:
                messages.success(
                    request,
                    ngettext("Hidden in %(count)s place.", "Hidden in %(count)s places.", count)
                    % {"count": count},
                )
                return redirect("stories:review", pk=story.pk)
            form.add_error("phrase", _("We could not find these words in your story."))
    return render(request, "stories/story_review.html", _review_context(story, form), status=400)


@login_required
def story_publish(request, pk):
    story = get_object_or_404(Story.objects.owned_by(request.user), pk=pk)
    version = story.current_version
    suggested = suggest_concepts(*(getattr(version, field) for field in TEXT_FIELDS))
    form = PublishForm(
        request.POST or None,
        story=story,
        suggested=suggested,
        initial={"visibility": story.visibility},
    )
    if request.method == "POST" and form.is_valid():
        services.publish_story(
            request.user,
            story,
            visibility=form.cleaned_data["visibility"],
            consent_given=form.cleaned_data["consent"],
            concepts=form.cleaned_data["concepts"],
        )
        messages.success(request, _("Your story is shared."))
        return redirect("stories:detail", pk=story.pk)
    return render(
        request, "stories/story_publish.html", {"story": story, "version": version, "form": form}
    )


@login_required
def story_withdraw(request, pk):
    story = get_object_or_404(Story.objects.owned_by(request.user), pk=pk)
    if request.method == "POST":
        services.withdraw_story(request.user, story)
        messages.success(request, _("Your story is withdrawn. Nobody else can read it now."))
        return redirect("stories:detail", pk=story.pk)
    return render(request, "stories/story_withdraw.html", {"story": story})


@login_required
def story_erase(request, pk):
    story = get_object_or_404(Story.objects.owned_by(request.user), pk=pk)
    if request.method == "POST":
        services.erase_story(request.user, story)
        messages.success(request, _("Your story is erased, with everything that belonged to it."))
        return redirect("stories:mine")
    return render(request, "stories/story_erase.html", {"story": story})

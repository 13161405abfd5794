from django.http import HttpResponse
from django.shortcuts import render

from wijkennis.organisations.models import STORY_WRITER_ROLES, has_role
from wijkennis.stories.models import Status, Story


def home(request):
    recent = (
        Story.objects.visible_to(request.user)
        .filter(status=Status.PUBLISHED)
        .with_published_text()
        .select_related("organisation")
        .prefetch_related("concepts")[:6]
    )
    return render(
        request,
        "core/home.html",
        {"recent": recent, "can_write": has_role(request.user, STORY_WRITER_ROLES)},
    )


def health(request):
    """For a load balancer or proxy: the app process answers (no database, no template)."""
    return HttpResponse("ok", content_type="text/plain")

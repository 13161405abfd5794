"""The help section: an index, a page per task guide and the printable quick guide.

Public pages: they hold no personal data, and people need help most before they log in.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from wijkennis.core.pdf import render_pdf

from . import content


def index(request):
    language = content.language_code()
    return render(
        request,
        "help/index.html",
        {"page": content.pages(language)["index"], "guides": content.guides(language)},
    )


def guide(request, slug):
    language = content.language_code()
    found = content.guide(slug, language)
    if found is None:
        raise Http404
    return render(
        request,
        "help/guide.html",
        {"page": content.pages(language)["index"], "guide": found},
    )


def quick_guide_pdf(request):
    """One A4 page with large type: the first steps, and a line to write the login e-mail on."""
    language = content.language_code()
    context = {
        "page": content.pages(language)["quick_guide"],
        "language": language,
        "address": request.build_absolute_uri(reverse("core:home")),
    }
    response = HttpResponse(
        render_pdf("help/quick_guide_pdf.html", context), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'inline; filename="wijkennis-snelstart.pdf"'
    return response

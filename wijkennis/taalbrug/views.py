"""The Taalbrug pages. Texts travel only in POST bodies, never in URLs, and are never logged;
pages that show a text are not cached (a shared computer keeps nothing behind)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from . import readability
from .forms import AnalyseForm, SaveForm
from .models import SavedText
from .presentation import analyse_text
from .uploads import InMemoryUploadHandler

LIMITS = {
    "long_sentence": readability.LONG_SENTENCE_WORDS,
    "average_sentence_length": readability.MAX_AVERAGE_SENTENCE_LENGTH,
    "long_word_syllables": readability.LONG_WORD_SYLLABLES,
    "long_word_letters": readability.LONG_WORD_LETTERS,
    "long_word_percent": round(readability.MAX_LONG_WORD_SHARE * 100),
    "flesch_douma": readability.MIN_FLESCH_DOUMA,
    "reliable_words": readability.RELIABLE_MIN_WORDS,
}


def _page(request, form, analysis=None, save_form=None, status=200):
    return render(
        request,
        "taalbrug/analyse.html",
        {"form": form, "analysis": analysis, "save_form": save_form, "limits": LIMITS},
        status=status,
    )


@never_cache
@csrf_exempt  # only to set the upload handler first: _analyse checks the CSRF token
def analyse(request):
    """The form; a POST checks the text and shows the result on the same page."""
    request.upload_handlers = [InMemoryUploadHandler(request)]
    return _analyse(request)


@csrf_protect
def _analyse(request):
    if request.method != "POST":
        return _page(request, AnalyseForm())
    form = AnalyseForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form)
    text = form.cleaned_data["text"]
    # The box shows the checked text (also when it came from a file), ready to change.
    return _page(
        request,
        AnalyseForm(initial={"text": text}),
        analysis=analyse_text(text),
        save_form=SaveForm(initial={"text": text}),
    )


@never_cache
@login_required
def save(request):
    if request.method != "POST":  # e.g. back from the login page: the text is not kept
        return redirect("taalbrug:analyse")
    form = SaveForm(request.POST)
    if form.is_valid():
        saved = SavedText.objects.create(
            owner=request.user, title=form.cleaned_data["title"], text=form.cleaned_data["text"]
        )
        messages.success(request, _("Your text is saved. Only you can see it."))
        return redirect("taalbrug:detail", pk=saved.pk)
    text = form.data.get("text", "")
    return _page(
        request,
        AnalyseForm(initial={"text": text}),
        analysis=analyse_text(form.cleaned_data["text"]) if "text" in form.cleaned_data else None,
        save_form=form,
        status=400,
    )


@never_cache
@login_required
def my_texts(request):
    texts = SavedText.objects.visible_to(request.user).only("id", "title", "created")
    return render(request, "taalbrug/my_texts.html", {"texts": texts})


@never_cache
@login_required
def detail(request, pk):
    saved = get_object_or_404(SavedText.objects.visible_to(request.user), pk=pk)
    return render(
        request,
        "taalbrug/detail.html",
        {"saved": saved, "analysis": analyse_text(saved.text), "limits": LIMITS},
    )


@never_cache
@login_required
def delete(request, pk):
    saved = get_object_or_404(SavedText.objects.visible_to(request.user), pk=pk)
    if request.method == "POST":
        saved.delete()
        messages.success(request, _("The text is deleted."))
        return redirect("taalbrug:mine")
    return render(request, "taalbrug/delete.html", {"saved": saved})

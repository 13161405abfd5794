from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wijkennis.core.security import check_text_upload
from wijkennis.organisations.models import STORY_WRITER_ROLES, Organisation
from wijkennis.vocabulary.models import Concept

from .consent import consent_text
from .models import SpanDecision, Visibility


class StoryForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("For which organisation do you write this?"),
        queryset=Organisation.objects.none(),
        empty_label=None,
    )
    title = forms.CharField(
        label=_("Title"),
        help_text=_("A few words. You may leave it empty; then we use your first words."),
        required=False,
        max_length=200,
    )
    body = forms.CharField(
        label=_("Your story"),
        help_text=_(
            "What happened? Write it in your own words. Names and addresses are hidden "
            "for you before anyone else can read it."
        ),
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        strip=True,
    )
    upload = forms.FileField(
        label=_("Or choose a text file (.txt)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,text/plain"}),
    )
    what_helped = forms.CharField(
        label=_("What helped?"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    what_did_not_help = forms.CharField(
        label=_("What did not help?"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Not required only because a file may take its place; clean() insists on one of them.
        self.fields["body"].hide_optional = True
        organisations = Organisation.objects.filter(
            memberships__user=user, memberships__role__in=STORY_WRITER_ROLES
        ).distinct()
        self.fields["organisation"].queryset = organisations
        # Most people write for one organisation: then there is nothing to choose.
        self.only_organisation = organisations.first() if len(organisations) == 1 else None
        if self.only_organisation:
            del self.fields["organisation"]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return ""
        if upload.size > settings.STORY_MAX_CHARS * 4:
            raise forms.ValidationError(_("This file is too big. Choose a smaller text file."))
        # By content, not by name: a PDF or a picture renamed to .txt is refused here.
        check_text_upload(upload, max_bytes=settings.STORY_MAX_CHARS * 4)
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _(
                    "This file is not a plain text file in UTF-8. Save it as UTF-8 text "
                    "(in Word: Save as, Plain text) or copy the text into the box."
                )
            ) from None

    def clean(self):
        data = super().clean()
        body = data.get("body") or data.get("upload") or ""
        if "upload" in self.errors:
            return data
        if not body.strip():
            self.add_error("body", _("Your story is still empty. Write what happened first."))
        elif len(body) > settings.STORY_MAX_CHARS:
            self.add_error(
                "body",
                _(
                    "Your story is %(length)s characters long. The limit is %(limit)s. Make it "
                    "shorter or split it into two stories."
                )
                % {
                    "length": f"{len(body):,}".replace(",", "."),
                    "limit": f"{settings.STORY_MAX_CHARS:,}".replace(",", "."),
                },
            )
        data["body"] = body
        if self.only_organisation:
            data["organisation"] = self.only_organisation
        if not data.get("title"):
            words = body.split()
            data["title"] = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
        return data


class SpanDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=SpanDecision.choices)
    replacement = forms.CharField(required=False, max_length=100)


class HidePhraseForm(forms.Form):
    phrase = forms.CharField(
        label=_("Words that must be hidden"),
        max_length=200,
        help_text=_("For example a name or a place we missed."),
    )
    replacement = forms.CharField(
        label=_("Show instead"), max_length=100, required=False, initial="[…]"
    )


class PublishForm(forms.Form):
    visibility = forms.ChoiceField(
        label=_("Who may read your story?"), choices=Visibility.choices, widget=forms.RadioSelect
    )
    consent = forms.BooleanField(
        label=_("I agree with the text that belongs to my choice."),
        required=True,
        error_messages={"required": _("Tick the box to confirm that you agree.")},
    )
    concepts = forms.ModelMultipleChoiceField(
        label=_("What is your story about?"),
        queryset=Concept.objects.order_by("scheme", "pref_label"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, story, suggested, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_texts = [
            (value, label, consent_text(value, story.organisation.name))
            for value, label in Visibility.choices
        ]
        chosen = set(story.concepts.values_list("id", flat=True)) or {c.id for c in suggested}
        self.fields["concepts"].initial = list(chosen)
        # Suggested and chosen subjects come first; the rest waits, grouped, behind a "more".
        self.concept_groups = {"first": [], "more": {}}
        for checkbox in self["concepts"]:
            concept = checkbox.data["value"].instance
            if concept.id in chosen or concept in suggested:
                self.concept_groups["first"].append(checkbox)
            else:
                scheme = concept.get_scheme_display()
                self.concept_groups["more"].setdefault(scheme, []).append(checkbox)

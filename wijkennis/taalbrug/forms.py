from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .extract import EXTENSIONS, MAX_CHARS, Unreadable, normalise, read_upload

UPLOAD_MESSAGES = {
    "type": _("We can only read .txt, .docx (Word) and .pdf files. Copy the text into the box."),
    "size": _(
        "This file is bigger than 2 MB. Choose a smaller file or copy the text into the box."
    ),
    "unreadable": _(
        "We could not read this file. It may be damaged. Copy the text into the box instead."
    ),
    "protected": _("This PDF is locked with a password. Copy the text into the box instead."),
    "empty": _("We found no text in this file. Copy the text into the box instead."),
    "empty_pdf": _(
        "We found no text in this PDF. It may be a scan or a photo. Copy the text into the "
        "box, or type it over."
    ),
}


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def check_length(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise forms.ValidationError(
            _(
                "This text has %(length)s characters. The limit is %(limit)s. Check a part of "
                "it first, then the next part."
            )
            % {"length": _number(len(text)), "limit": _number(MAX_CHARS)},
            code="too_long",
        )


class AnalyseForm(forms.Form):
    text = forms.CharField(
        label=_("Your text"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        strip=False,
    )
    upload = forms.FileField(
        label=_("Or choose a file"),
        help_text=_("A .txt, .docx (Word) or .pdf file of at most 2 MB."),
        required=False,
        widget=forms.FileInput(attrs={"accept": ",".join(EXTENSIONS)}),
        error_messages={"empty": UPLOAD_MESSAGES["empty"]},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = gettext(
            "Paste a letter, a leaflet or a message. At most %(limit)s characters."
        ) % {"limit": _number(MAX_CHARS)}
        # Not required only because a file may take its place; clean() insists on one of them.
        self.fields["text"].hide_optional = True
        self.fields["upload"].hide_optional = True

    def clean_text(self) -> str:
        return normalise(self.cleaned_data.get("text") or "")

    def clean_upload(self) -> str:
        upload = self.cleaned_data.get("upload")
        if not upload:
            return ""
        try:
            return read_upload(upload)
        except Unreadable as error:
            reason = error.reason
            if reason == "empty" and upload.name.lower().endswith(".pdf"):
                reason = "empty_pdf"
            raise forms.ValidationError(UPLOAD_MESSAGES[reason], code=reason) from None

    def clean(self):
        data = super().clean()
        if "upload" in self.errors:
            return data
        typed, from_file = data.get("text", ""), data.get("upload", "")
        if typed and from_file:
            self.add_error(
                "upload",
                forms.ValidationError(
                    _(
                        "You pasted a text and chose a file. We kept your text. To check the "
                        "file, empty the box and choose the file again."
                    ),
                    code="both",
                ),
            )
            return data
        text = typed or from_file
        field = "text" if typed else "upload"
        if not text:
            self.add_error(
                "text",
                forms.ValidationError(
                    _("The box is still empty. Paste a text or choose a file."), code="empty"
                ),
            )
            return data
        try:
            check_length(text)
        except forms.ValidationError as error:
            self.add_error(field, error)
            return data
        if not any(c.isalpha() for c in text):
            self.add_error(
                field,
                forms.ValidationError(
                    _("We found no words in this text. Paste a text with words."), code="no_words"
                ),
            )
            return data
        data["text"] = text
        return data


class SaveForm(forms.Form):
    title = forms.CharField(
        label=_("Name for this text"),
        help_text=_("So you can find it again. You may leave it empty."),
        max_length=200,
        required=False,
    )
    text = forms.CharField(widget=forms.HiddenInput, strip=False, required=False)

    def __init__(self, *args, **kwargs):
        # Own ids: this form shares its page with the check form and its "id_text".
        kwargs.setdefault("auto_id", "save-%s")
        super().__init__(*args, **kwargs)

    def clean_text(self) -> str:
        text = normalise(self.cleaned_data.get("text") or "")
        if not text:
            raise forms.ValidationError(_("There is no text to save."), code="empty")
        check_length(text)
        return text

    def clean(self):
        data = super().clean()
        text = data.get("text")
        if text and not data.get("title"):
            words = text.split()
            data["title"] = (" ".join(words[:8]) + ("…" if len(words) > 8 else ""))[:200]
        return data

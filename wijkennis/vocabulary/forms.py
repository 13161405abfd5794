from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .models import Concept, LabelKind, Proposal, ProposalKind, Scheme


class ProposalForm(forms.ModelForm):
    """One form for the three kinds of proposal; the service checks what each kind needs."""

    kind = forms.ChoiceField(
        label=_("What do you propose?"), choices=ProposalKind.choices, widget=forms.RadioSelect
    )
    concept = forms.ModelChoiceField(
        label=_("Which concept is it about?"),
        queryset=Concept.objects.all(),
        to_field_name="slug",
        required=False,
        help_text=_("Not needed for a new concept."),
    )
    scheme = forms.ChoiceField(
        label=_("Where does the new concept belong?"),
        choices=[("", "—"), *Scheme.choices],
        required=False,
    )
    broader = forms.ModelChoiceField(
        label=_("Is it a kind of …? (broader concept)"),
        queryset=Concept.objects.all(),
        to_field_name="slug",
        required=False,
    )
    label_kind = forms.ChoiceField(
        label=_("What kind of word is it?"),
        choices=[("", "—"), *LabelKind.choices],
        required=False,
    )

    class Meta:
        model = Proposal
        fields = [
            "kind",
            "concept",
            "label",
            "label_kind",
            "pref_label",
            "scheme",
            "broader",
            "definition",
            "reason",
        ]
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 3}),
            "reason": forms.Textarea(attrs={"rows": 3}),
        }
        # While typing, htmx asks whether the word exists already (vocabulary:label_check).
        widgets |= {
            name: forms.TextInput(
                attrs={
                    "hx-get": reverse_lazy("vocabulary:label_check"),
                    "hx-trigger": "keyup changed delay:400ms",
                    "hx-target": target,
                }
            )
            for name, target in (("label", "#label-check"), ("pref_label", "#pref-label-check"))
        }
        help_texts = {
            "label": _("For example how people say it at the kitchen table."),
            "definition": _("Short and plain, as you would explain it to a neighbour."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Which of these is needed depends on the kind; the service says so when one is missing.
        for name in ("concept", "label", "label_kind", "pref_label", "scheme", "definition"):
            self.fields[name].hide_optional = True


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("reject", _("Do not accept"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note for the member"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when you do not accept: say why."),
    )
    # The concept's version the reviewer saw (optimistic locking, see core.concurrency).
    concept_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _

from wijkennis.core.concurrency import STALE_MESSAGE

from . import services
from .models import AltLabel, Concept


class AltLabelInline(admin.TabularInline):
    model = AltLabel
    extra = 1


class ConceptAdminForm(forms.ModelForm):
    # The version the beheerder opened (optimistic locking, see core.concurrency).
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Concept
        fields = [
            "slug",
            "scheme",
            "pref_label",
            "definition",
            "source",
            "status",
            "broader",
            "related",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        seen = cleaned.get("seen_version")
        if self.instance.pk and seen is not None:
            # The admin saves in one transaction: the row stays locked until the change is in.
            current = Concept.objects.select_for_update().get(pk=self.instance.pk).version
            if current != seen:
                raise forms.ValidationError(STALE_MESSAGE, code="stale")
        return cleaned


@admin.register(Concept)
class ConceptAdmin(admin.ModelAdmin):
    form = ConceptAdminForm
    list_display = ["pref_label", "scheme", "broader"]
    list_filter = ["scheme"]
    search_fields = ["pref_label", "alt_labels__label"]
    inlines = [AltLabelInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # In the concept's history like every other change, and a new version number.
        services.record_change(form.instance, request.user, _("Changed by a beheerder"))

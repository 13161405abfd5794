from django.contrib import admin

from .models import AltLabel, Concept


class AltLabelInline(admin.TabularInline):
    model = AltLabel
    extra = 1


@admin.register(Concept)
class ConceptAdmin(admin.ModelAdmin):
    list_display = ["pref_label", "scheme", "broader"]
    list_filter = ["scheme"]
    search_fields = ["pref_label", "alt_labels__label"]
    inlines = [AltLabelInline]

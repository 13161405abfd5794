from django.contrib import admin
from django.db import models

from .models import StartDate, Training


class StartDateInline(admin.TabularInline):
    model = StartDate
    extra = 1


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    """The catalogue is maintained by the beheerder. Workers' records are not shown here: only
    the worker and their coordinator see them."""

    list_display = ["name", "provider", "level", "format", "region", "diploma"]
    list_filter = ["level", "format", "diploma"]
    search_fields = ["name", "provider", "summary"]
    filter_horizontal = ["themes"]
    inlines = [StartDateInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

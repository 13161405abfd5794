from django.contrib import admin

from .models import Membership, Organisation, Team


class TeamInline(admin.TabularInline):
    model = Team
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "city"]
    list_filter = ["kind"]
    search_fields = ["name"]
    filter_horizontal = ["funded_by"]
    inlines = [TeamInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "team"]
    list_filter = ["role", "organisation"]
    autocomplete_fields = ["user", "organisation"]

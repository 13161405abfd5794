"""Admin: group names and membership only. Cases, notes and lessons are the group's own and
are not shown here (staff have no read access to them)."""

from django.contrib import admin

from .models import GroupMember, IntervisionGroup


class GroupMemberInline(admin.TabularInline):
    model = GroupMember
    extra = 0
    fields = ("user", "organisation", "role", "status")
    raw_id_fields = ("user",)


@admin.register(IntervisionGroup)
class IntervisionGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "region", "facilitator", "is_open")
    search_fields = ("name", "region")
    filter_horizontal = ("themes",)
    raw_id_fields = ("facilitator",)
    inlines = [GroupMemberInline]

from django.contrib import admin

from .models import Contribution, ContributionUpdate, Digest, JobRun, Milestone, Notification


class UpdateInline(admin.TabularInline):
    model = ContributionUpdate
    extra = 0
    fields = ["created_at", "kind", "author", "old_status", "new_status", "text"]
    readonly_fields = fields


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "contributor",
        "recipient_organisation",
        "level",
        "status",
        "created_at",
        "first_response_at",
    ]
    list_filter = ["status", "level", "change", "recipient_organisation"]
    search_fields = ["title"]
    raw_id_fields = ["contributor", "recorded_by", "recipient_user"]
    filter_horizontal = ["topics"]
    inlines = [MilestoneInline, UpdateInline]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "contribution", "created_at", "read_at"]
    list_filter = ["kind"]
    raw_id_fields = ["user", "contribution"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["user", "week", "sent_at"]
    raw_id_fields = ["user"]


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ["name", "last_run_at"]

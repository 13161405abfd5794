from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """Who read or changed a sensitive record, and when. Never holds the record's text."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=50)
    object_type = models.CharField(_("object type"), max_length=50)
    object_id = models.PositiveBigIntegerField(_("object id"))
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type} #{self.object_id}"


def record_event(actor, action: str, obj, detail: str = "") -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if actor and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        detail=detail,
    )

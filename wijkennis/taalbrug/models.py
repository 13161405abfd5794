from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedTextQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SavedTextQuerySet":
        """A saved text is private: only its owner ever reads it, staff included."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class SavedText(models.Model):
    """A text someone chose to keep in the Taalbrug ("Bewaar deze tekst"); nothing else is kept."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_texts"
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    created = models.DateTimeField(_("saved on"), auto_now_add=True)

    objects = SavedTextQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("saved text")
        verbose_name_plural = _("saved texts")

    def __str__(self) -> str:
        return self.title

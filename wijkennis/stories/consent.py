"""The consent text an author confirms for each visibility level.

The exact text shown is stored with the consent record, so a later change of wording never
changes what someone agreed to.
"""

from django.utils.translation import gettext as _

from .models import Visibility


def consent_text(visibility: str, organisation_name: str) -> str:
    texts = {
        Visibility.PRIVATE: _(
            "I keep this story for myself. Nobody else can read it. I can share it later."
        ),
        Visibility.ORGANISATION: _(
            "I agree that people who work at %(organisation)s may read the version of my story "
            "without names and other details. I can withdraw my story at any time."
        ),
        Visibility.NETWORK: _(
            "I agree that experience workers, colleagues and researchers of all organisations "
            "in the Wijkennis network may read and learn from the version of my story without "
            "names and other details. I can withdraw my story at any time."
        ),
        Visibility.PUBLIC: _(
            "I agree that everyone, also people without an account, may read the version of my "
            "story without names and other details on the internet. I can withdraw my story at "
            "any time, but someone may already have copied it."
        ),
    }
    return texts[Visibility(visibility)] % {"organisation": organisation_name}

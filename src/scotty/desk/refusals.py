"""How the desk words a refused change: one sentence, so every page says it alike."""

from django.utils.translation import gettext


def nothing_changed(reason: object = "") -> str:
    """ "Nothing was changed." and why, for a form or a service that refused."""
    if not reason:
        return gettext("Nothing was changed.")
    return gettext("Nothing was changed. %(error)s") % {"error": reason}

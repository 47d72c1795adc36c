"""Where Scotty adjusts django-axes, the per-(account, address) sign-in lock.

- Accounts are e-mail addresses in any case, so the lock is kept on the normalised
  spelling: `Rita@` and `rita@` are one account with one count of failures.
- The client address is Scotty's (`client_address`), set by AXES_CLIENT_IP_CALLABLE.
- An attempt the throttle refused never had its password checked: it is not a failure
  of that account and must not move it towards a lock (`SignInLockHandler`).
"""

from typing import Any

from axes.conf import settings as axes_settings
from axes.handlers.database import AxesDatabaseHandler
from django.http import HttpRequest

from scotty.accounts.backends import throttled_admission
from scotty.accounts.email_address import normalise_email


def lock_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """AXES_USERNAME_CALLABLE: the e-mail the attempt was for, normalised."""
    field = axes_settings.AXES_USERNAME_FORM_FIELD
    raw = credentials.get(field) if credentials else getattr(request, "POST", {}).get(field)
    return normalise_email(raw) if isinstance(raw, str) else None


class SignInLockHandler(AxesDatabaseHandler):
    """Axes' database handler, minus the attempts the sign-in throttle turned away."""

    def user_login_failed(
        self,
        sender: Any,
        credentials: dict[str, Any],
        request: HttpRequest | None = None,
        **kwargs: Any,
    ) -> None:
        if request is not None and throttled_admission(request) is not None:
            return
        super().user_login_failed(sender, credentials, request, **kwargs)

"""The sign-in throttle's place in Django's authentication: a gate before the password.

`AUTHENTICATION_BACKENDS` runs axes' lock check, then this gate, then Django's
ModelBackend, which hashes the password. The gate takes a token from the client
address's bucket (`throttle.take_attempt`); an empty bucket stops authentication there
(PermissionDenied), so no hash is computed, and `SignInThrottleMiddleware` answers 429.
A successful sign-in gives the token back (`give_back_on_sign_in`).

Every caller of `authenticate(request, ...)` passes through it: Scotty's sign-in page
and Django's admin login alike.
"""

from typing import Any

from asgiref.sync import sync_to_async
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext

from scotty.accounts import throttle
from scotty.accounts.client_address import client_address

ADMISSION = "scotty_sign_in_admission"  # request attribute: the throttle's Admission


class SignInThrottled(PermissionDenied):
    """The client address has used up its sign-in attempts for now."""


class SignInThrottleBackend:
    """Authenticates nobody; refuses an attempt whose address has no tokens left.

    Deliberately not a BaseBackend: with no `get_user` or permission methods, Django
    never picks it to load a signed-in person or to answer a permission question.
    """

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> None:
        if request is None:  # not an HTTP sign-in (a script, a test's client.login)
            return None
        admission = throttle.take_attempt(client_address(request))
        setattr(request, ADMISSION, admission)
        if not admission.admitted:
            raise SignInThrottled(gettext("Too many sign-in attempts from this address."))
        return None

    async def aauthenticate(self, request: HttpRequest | None, **credentials: Any) -> None:
        return await sync_to_async(self.authenticate)(request, **credentials)


def give_back_on_sign_in(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    """`user_logged_in` receiver: the attempt succeeded, so its token goes back."""
    admission = getattr(request, ADMISSION, None)
    if admission is not None and admission.admitted:
        throttle.give_back_attempt(admission.bucket_key)
        setattr(request, ADMISSION, None)  # one token back per token taken


def throttled_admission(request: HttpRequest) -> "throttle.Admission | None":
    """The refusal this request met at the gate, if it met one."""
    admission: throttle.Admission | None = getattr(request, ADMISSION, None)
    return admission if admission is not None and not admission.admitted else None

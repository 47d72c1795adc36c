"""Per-request pieces of accounts: the signed-in person's language, and a clear page
(429, and when to try again) for a sign-in the throttle refused."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import ngettext

from scotty.accounts.backends import throttled_admission
from scotty.accounts.languages import chosen_language
from scotty.accounts.models import Person


def activate_language(request: HttpRequest, code: str | None) -> None:
    """Read the rest of this request in `code` (None: keep the browser's)."""
    if code is not None:
        translation.activate(code)
        request.LANGUAGE_CODE = code


def reads_no_person[V: Callable[..., HttpResponse]](view: V) -> V:
    """Mark a view that must not cost a Person query (the desk's presence poll): the
    middleware leaves the language to it (`activate_language`)."""
    view.reads_no_person = True  # type: ignore[attr-defined]
    return view


class PersonLanguageMiddleware:
    """The language a signed-in person chose in their settings wins over the browser's
    (LocaleMiddleware, earlier, activated that one); blank keeps the browser's.

    Decided once the view is known (`process_view`), so that a view marked
    `reads_no_person` loads no Person row here: it activates the language itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> None:
        if getattr(view, "reads_no_person", False):
            return
        user = getattr(request, "user", None)
        if isinstance(user, Person) and user.is_authenticated:
            activate_language(request, chosen_language(user))


class SignInThrottleMiddleware:
    """Whatever view called `authenticate` (Scotty's sign-in, Django's admin login),
    a throttled attempt gets the same page and a Retry-After header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        admission = throttled_admission(request)
        if admission is None:
            return response
        seconds = admission.retry_after_seconds
        context = {"retry_at": admission.retry_at, "wait": _wait_wording(seconds)}
        page = render(request, "accounts/throttled.html", context, status=429)
        page["Retry-After"] = str(seconds)
        return page


def _wait_wording(seconds: int) -> str:
    """ "45 seconds", "1 second", "3 minutes": a wait as a person reads it."""
    if seconds < 120:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    minutes = -(-seconds // 60)  # rounded up
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}

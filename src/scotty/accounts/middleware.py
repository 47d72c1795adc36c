"""Turns a sign-in the throttle refused into a clear page: 429, and when to try again."""

import math
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from scotty.accounts.backends import throttled_admission


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
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    return f"{math.ceil(seconds / 60)} minutes"

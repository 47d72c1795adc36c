"""Answers every page gets: not kept in caches, and sign-in that htmx cannot swallow."""

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import resolve_url
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.http import HttpResponseClientRedirect

GetResponse = Callable[[HttpRequest], HttpResponse]


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every response Scotty's views make.

    Pages show tickets, names and notes: after signing out, "back" must ask the server
    again (and land on sign-in), not show the copy the browser kept; a shared machine
    or proxy must not keep one either. A view that chose its own Cache-Control keeps it.
    Static files never get here (whitenoise answers them first, with its long cache).
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


class HtmxSignInRedirectMiddleware:
    """Send the whole page to sign-in when an htmx request meets an expired session.

    A view answers an anonymous request with a redirect to the sign-in page; htmx's
    XMLHttpRequest follows it silently and would swap the sign-in form into the timeline
    or the ticket fragment. Instead htmx gets `HX-Redirect`, so the browser loads the
    sign-in page itself, with `next` set to the page the person was on.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.headers.get("HX-Request") != "true" or not _to_sign_in(response):
            return response
        query = QueryDict(mutable=True)
        query[REDIRECT_FIELD_NAME] = _page_of(request) or _next_of(response)
        sign_in = resolve_url(settings.LOGIN_URL)
        return HttpResponseClientRedirect(f"{sign_in}?{query.urlencode(safe='/')}")


def _to_sign_in(response: HttpResponse) -> bool:
    # By status and header, not class: django-htmx's client redirects are redirect
    # classes too, but carry HX-Redirect and no Location.
    location = response.headers.get("Location")
    if not location or not 300 <= response.status_code < 400:
        return False
    return urlsplit(location).path == resolve_url(settings.LOGIN_URL)


def _page_of(request: HttpRequest) -> str:
    """The page htmx was on (HX-Current-URL) as a local path, if it is on this site.

    Anything else is ignored: the header is the client's word, and a `next` must never
    lead off the site.
    """
    current = urlsplit(request.headers.get("HX-Current-URL", ""))
    if (current.scheme, current.netloc) != (request.scheme, request.get_host()):
        return ""
    page = current.path + (f"?{current.query}" if current.query else "")
    # The same check the sign-in page applies to `next` ("//elsewhere", "/\\elsewhere").
    local = url_has_allowed_host_and_scheme(page, allowed_hosts={request.get_host()})
    return page if local and page.startswith("/") else ""


def _next_of(response: HttpResponse) -> str:
    """The `next` the view's redirect carried: the path of the request itself."""
    query = parse_qs(urlsplit(response["Location"]).query)
    return query.get(REDIRECT_FIELD_NAME, ["/"])[0]

"""Searching my requests: the same search as the desk's, over the person's own requests
(filed or followed) and their public words only. A reference of one of them opens it."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from scotty.portal.views.common import person_of
from scotty.search.query import MAX_QUERY
from scotty.search.selectors import WINDOW, search


def _page(raw: str | None) -> int:
    try:
        return min(max(1, int(raw or 1)), WINDOW)
    except ValueError:
        return 1


@login_required
@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "")[: MAX_QUERY * 2]
    results = search(person_of(request), text, as_agent=False, page=_page(request.GET.get("page")))
    if results.reference and not request.htmx:  # type: ignore[attr-defined]
        return redirect("portal:request", reference=results.reference)
    context = {"results": results, "q": text.strip()}
    template = "portal/search.html#results" if request.htmx else "portal/search.html"  # type: ignore[attr-defined]
    return render(request, template, context)

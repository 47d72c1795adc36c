"""Find anything, from the desk header: a reference opens its ticket; words search the
agent's units' tickets (scotty.search), with the queue filters beside the results, and
the articles the agent may see (first page only: a few, above the tickets).

While the agent types on the results page, htmx asks for the results part only (the
last word is a prefix); a full submit of a reference the agent may open goes straight
to the ticket, as the old "go to ticket" box did.
"""

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers

from scotty.accounts.selectors import units_of
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import QueueFilterForm
from scotty.desk.views.queues import filter_choices
from scotty.desk.views.tickets import wants_fragment
from scotty.search.articles import search_articles
from scotty.search.query import MAX_QUERY
from scotty.search.results import Result
from scotty.search.selectors import PAGE_SIZE, WINDOW, search
from scotty.tickets.selectors import desk_units

ARTICLES = 3  # the best articles, above the ticket results


class SearchForm(QueueFilterForm):
    """The words, the queue filters (bad values are reported and ignored) and the page."""

    q = forms.CharField(required=False, max_length=MAX_QUERY * 2, strip=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=WINDOW // PAGE_SIZE)


@agent_required()
def search_page(request: DeskRequest) -> HttpResponse:
    form = SearchForm(request.GET, units=list(units_of(request.user)), sorts=(),
                      **filter_choices(request.GET, desk_units(request.user)))  # fmt: skip
    filters = form.filters()  # validates; invalid filters are left out and shown
    text = form.cleaned_data.get("q") or ""
    results = search(
        request.user, text, as_agent=True, filters=filters,
        page=form.cleaned_data.get("page") or 1,
    )  # fmt: skip
    if results.reference and not request.htmx:
        return redirect("desk:ticket", reference=results.reference)
    articles: tuple[Result, ...] = ()
    if results.page == 1 and not results.reference:  # a few articles, above the tickets
        articles = search_articles(request.user, text, as_agent=True, limit=ARTICLES).items
    context = {"form": form, "results": results, "q": text.strip(), "active": "search",
               "articles": articles}  # fmt: skip
    template = "desk/search.html#results" if wants_fragment(request) else "desk/search.html"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response

"""Articles on the ticket page: the side panel's suggestions (loaded after the page, so
the page's own queries stay as they were) and the composer's article picker.

What may go into a public reply is what the ticket's requester may read: a link to the
portal page of an article published for them, or its words. Anything else (an
agents-only how-to, a draft, an article for other departments) is refused there, and
offered for an internal note only.
"""

from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from scotty.desk.access import DeskRequest, agent_access, agent_required
from scotty.desk.views.knowledge_editor import SOLVED
from scotty.knowledge.models import Article, Audience
from scotty.knowledge.selectors import desk_articles, readable_articles
from scotty.search.articles import search_articles
from scotty.search.query import MAX_QUERY
from scotty.search.results import Result
from scotty.tickets.models import MessageKind

SUGGESTED = 3
DESCRIPTION_WORDS = 30  # of the description, after the title: what the ticket is about
PICKED = 6


@agent_required()
@require_GET
def ticket_articles(request: DeskRequest, reference: str) -> HttpResponse:
    """Up to three articles the agent may see that answer the ticket (a fragment)."""
    ticket = agent_access(request, reference).ticket
    about = " ".join([ticket.title, *ticket.description.split()[:DESCRIPTION_WORDS]])
    found = search_articles(request.user, about, as_agent=True, limit=SUGGESTED)
    context = {"ticket": ticket, "suggested": found.items, "solved": ticket.status in SOLVED}
    return render(request, "desk/knowledge/_ticket_articles.html", context)


@dataclass(frozen=True)
class Pick:
    """An article the composer may insert, as this mode allows: its link and words, or
    why not (then neither is given)."""

    result: Result
    title: str
    link: str = ""  # "Title: https://…", ready to insert
    text: str = ""  # its Markdown
    refused: str = ""


def portal_url(slug: str) -> str | None:
    """The article's page in the portal, if the portal has article pages."""
    try:
        return reverse("portal:article", args=[slug])
    except NoReverseMatch:
        return None


def _pick(request: DeskRequest, result: Result, article: Article, *, for_requester: bool,
          note: bool) -> Pick:  # fmt: skip
    portal = portal_url(article.slug) if for_requester else None
    if portal is not None:
        address = request.build_absolute_uri(portal)
    elif note:  # for colleagues: the desk's page
        address = request.build_absolute_uri(reverse("desk:article", args=[article.slug]))
    else:
        address = ""
    link = f"{article.title}: {address}" if address else ""
    if for_requester or note:
        return Pick(result, article.title, link=link, text=article.body)
    if article.audience == Audience.AGENTS:
        refused = gettext("Agents only: it cannot go into a public reply. Switch to an "
                          "internal note to insert it.")  # fmt: skip
    else:
        refused = gettext("The requester may not read it (not published, or not for them): "
                          "it can go into an internal note only.")  # fmt: skip
    return Pick(result, article.title, refused=refused)


@agent_required()
@require_GET
def article_pick(request: DeskRequest, reference: str) -> HttpResponse:
    """The composer's article picker (a fragment): the articles that match what the
    agent typed, each with what may be inserted in the composer's mode."""
    ticket = agent_access(request, reference).ticket
    typed = request.GET.get("article", "")[:MAX_QUERY]
    note = request.GET.get("kind") == MessageKind.NOTE
    found = search_articles(request.user, typed, as_agent=True, limit=PICKED)
    slugs = [r.reference for r in found.items]
    # Through the desk's rule again: a row is offered only while the agent may see it.
    mine = desk_articles(request.user).filter(slug__in=slugs) if slugs else None
    rows = {a.slug: a for a in mine} if mine is not None else {}
    theirs = set(readable_articles(ticket.requester).filter(slug__in=slugs)
                 .values_list("slug", flat=True)) if slugs else set()  # fmt: skip
    picks = [
        _pick(request, r, rows[r.reference], for_requester=r.reference in theirs, note=note)
        for r in found.items
        if r.reference in rows
    ]
    context = {"picks": picks, "typed": typed.strip(), "note": note, "query": found.query}
    return render(request, "desk/knowledge/_pick.html", context)

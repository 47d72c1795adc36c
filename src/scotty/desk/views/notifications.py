"""The desk's notification list (the bell in the header): what Scotty told this agent,
newest first; only ever their own. The bell's count refreshes itself (htmx) from the
cache, so it costs the pages nothing."""

from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from scotty.core.lookups import ByKey
from scotty.core.timewords import time_ago
from scotty.desk.access import DeskRequest, agent_required
from scotty.notifications import selectors
from scotty.notifications.models import NoticeKind, Notification
from scotty.notifications.services import mark_read
from scotty.tickets.selectors import openable_references
from scotty.tickets.wording import sla_alert_words


@dataclass(frozen=True)
class Shown(ByKey):
    words: str
    reference: str  # "" when the agent may no longer open the ticket
    title: str
    when: str
    iso: str
    unread: bool
    about_mailboxes: bool = False  # a mailbox is unhealthy: the link is to the mailboxes
    article: str = ""  # the slug of an article to review: the link is to it


def _shown(notice: Notification, openable: set[str]) -> Shown:
    ticket = notice.ticket
    reference = ticket.reference if ticket and ticket.reference in openable else ""
    words = ""
    if notice.kind == NoticeKind.MAILBOX_UNHEALTHY:
        return Shown(gettext("A mailbox is unhealthy: mail may not be coming in."), "", "",
                     time_ago(notice.created_at), notice.created_at.isoformat(),
                     notice.read_at is None, about_mailboxes=True)  # fmt: skip
    if notice.kind == NoticeKind.ARTICLE_STALE and notice.article is not None:
        return Shown(gettext("An article is past its review date:"), "", notice.article.title,
                     time_ago(notice.created_at), notice.created_at.isoformat(),
                     notice.read_at is None, article=notice.article.slug)  # fmt: skip
    if notice.kind in (NoticeKind.SLA_WARNING, NoticeKind.SLA_BREACH) and notice.due:
        words = sla_alert_words(notice.clock, notice.due,
                                breached=notice.kind == NoticeKind.SLA_BREACH)  # fmt: skip
    return Shown(words, reference, ticket.title if reference and ticket else "",
                 time_ago(notice.created_at), notice.created_at.isoformat(),
                 notice.read_at is None)  # fmt: skip


@agent_required()
def notifications(request: DeskRequest) -> HttpResponse:
    notices = list(selectors.recent(request.user))
    refs = {n.ticket.reference for n in notices if n.ticket is not None}
    openable = openable_references(request.user, refs, as_agent=True)
    shown = [_shown(n, openable) for n in notices]
    context = {"notices": shown, "unread": any(s.unread for s in shown), "active": "notices"}
    return render(request, "desk/notifications.html", context)


@require_POST
@agent_required()
def mark_all_read(request: DeskRequest) -> HttpResponse:
    mark_read(request.user)
    return redirect("desk:notifications")


@agent_required()
def bell(request: DeskRequest) -> HttpResponse:
    """The bell's words and count, for the header to refresh (no query while cached)."""
    count = selectors.unread_count(request.user)
    return render(request, "desk/_bell.html", {"count": count, "cap": selectors.COUNT_CAP})

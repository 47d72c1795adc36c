"""Who else is on the ticket: the ticket page checks in every few seconds (htmx POST from
`desk/_presence.html`, with what the composer is doing from `presence.js`) and gets the
"also here" fragment back, with a warning for the composer when a reply is being
written twice.

A poll costs no database query: the session comes from the cache (`cached_db`), the
agent's id from the session and their names from the cache (`presence.remembered`),
who is here from the cache (`tickets.presence`), and the permission check of the
ticket page (or of the first poll) is remembered there for a few minutes
(`presence.allowed`). When anything of that is missing or expired, the poll asks the
database as every page does (session, person, memberships, ticket) and remembers again.
"""

from typing import cast

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from scotty.accounts.languages import chosen_language
from scotty.accounts.middleware import activate_language, reads_no_person
from scotty.accounts.selectors import is_agent
from scotty.desk.access import DeskRequest, agent_access
from scotty.tickets import presence
from scotty.tickets.models import MessageKind

TEMPLATE = "desk/_presence.html#others"


def _remembered(request: HttpRequest) -> presence.Caller | None:
    """The session's agent as a recent check-in remembered them: no database query (the
    session itself comes from the cache). None for a session nobody is signed in to,
    or when the person has to be loaded (and checked) again."""
    session = request.session
    if session.get(BACKEND_SESSION_KEY) not in settings.AUTHENTICATION_BACKENDS:
        return None
    try:
        person_id = int(session[SESSION_KEY])
    except (KeyError, TypeError, ValueError):
        return None
    return presence.remembered(person_id, session.get(HASH_SESSION_KEY, ""))


def _checked(request: HttpRequest, reference: str) -> tuple[presence.Agent, int] | None:
    """(who checks in, the ticket's id) when this agent works the ticket; None when
    nobody is signed in. From the cache when an earlier poll or the ticket page already
    asked the database; 404 for anyone who may not see the ticket's presence."""
    caller = _remembered(request)
    if caller is not None:
        ticket_id = presence.allowed(caller, reference)
        if ticket_id is not None:
            activate_language(request, caller.language)
            return caller, ticket_id
    if not request.user.is_authenticated:
        return None
    desk_request = cast(DeskRequest, request)
    activate_language(request, chosen_language(desk_request.user))
    if not is_agent(desk_request.user):
        raise Http404(gettext("No such page."))
    ticket = agent_access(desk_request, reference).ticket
    remember(desk_request, reference, ticket.pk)
    return desk_request.user, ticket.pk


def remember(request: DeskRequest, reference: str, ticket_id: int) -> None:
    """After the visibility rule let this agent work the ticket: the polls that follow
    need no database (the ticket page calls it too)."""
    presence.allow(request.user, reference, ticket_id)
    presence.remember(request.user)


@require_POST
@reads_no_person
def check_in(request: HttpRequest, reference: str) -> HttpResponse:
    """Say the agent has the ticket open (typing, or just sent a reply); answer with who
    else is on it. Not `agent_required`: its person and membership queries are what the
    remembered agent and permission save."""
    checked = _checked(request, reference)
    if checked is None:
        return redirect_to_login(request.get_full_path())
    caller, ticket_id = checked
    kind = request.POST.get("kind", MessageKind.REPLY)
    kind = kind if kind in MessageKind.values else MessageKind.REPLY
    typing = request.POST.get("typing") == "1"
    others = presence.here(
        ticket_id, caller, typing=typing, kind=kind, sent=request.POST.get("sent") == "1"
    )
    context = {
        "others": others,
        # The agent has started a message of their own: warn them about the others'.
        "drafting": typing or request.POST.get("draft") == "1",
        "kind": kind,
    }
    return render(request, TEMPLATE, context)

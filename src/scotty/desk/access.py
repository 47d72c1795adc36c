"""Who may use the desk, and the request type desk views receive.

Non-agents get 404 from every desk URL (the desk does not tell them it exists), except
the desk's front door, which sends them to the portal where their requests live.
"""

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, cast

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext
from django_htmx.middleware import HtmxDetails

from scotty.accounts.models import Person
from scotty.accounts.selectors import is_agent
from scotty.core.errors import NotFound
from scotty.tickets.selectors import TicketAccess, access_ticket


class DeskRequest(HttpRequest):
    """A request that passed `agent_required`: the user is a signed-in agent."""

    htmx: HtmxDetails
    user: Person


P = ParamSpec("P")
DeskView = Callable[Concatenate[DeskRequest, P], HttpResponse]


def agent_required(
    *, others_to: str | None = None
) -> Callable[[DeskView[P]], Callable[Concatenate[HttpRequest, P], HttpResponse]]:
    """Let agents (and administrators) through; sign-in for anonymous visitors.

    Anyone else gets 404, or a redirect to `others_to` when given.
    """

    def decorate(view: DeskView[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
        @wraps(view)
        def guarded(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not is_agent(request.user):
                if others_to:
                    return redirect(others_to)
                raise Http404(gettext("No such page."))
            return view(cast(DeskRequest, request), *args, **kwargs)

        return guarded  # type: ignore[return-value]

    return decorate


def agent_access(request: DeskRequest, reference: str, *, joined: bool = True) -> TicketAccess:
    """The ticket if this agent works it; 404 otherwise (also when they only filed it).
    `joined=False` for a write: the ticket row alone (see `access_ticket`)."""
    try:
        access = access_ticket(request.user, reference, joined=joined)
    except NotFound as error:
        raise Http404(error.message) from None
    if not access.as_agent:
        # The requester's side of their own ticket lives in the portal.
        raise Http404(gettext("No such ticket, or you may not see it."))
    return access

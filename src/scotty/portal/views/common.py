"""Small helpers every portal view shares: who is asking, which ticket, which status code."""

from typing import cast

from django.http import Http404, HttpRequest

from scotty.accounts.models import Person
from scotty.core.errors import NotFound
from scotty.tickets import selectors
from scotty.tickets.selectors import TicketAccess


def person_of(request: HttpRequest) -> Person:
    """The signed-in person (views are behind login_required, so never anonymous)."""
    return cast(Person, request.user)


def load(request: HttpRequest, reference: str) -> TicketAccess:
    """The request as its requester (or a watcher) sees it; 404 for anyone else.

    Always the requester's side, even for agents: the desk is where agents work.
    """
    try:
        return selectors.access_as_requester(person_of(request), reference)
    except NotFound as error:
        raise Http404(error.message) from None


def number(text: str) -> int:
    """A positive id from a query parameter; 0 for anything else."""
    return int(text) if text.isdigit() and len(text) < 12 else 0

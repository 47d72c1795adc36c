"""How web channels answer a refused action: one mapping from domain errors to HTTP."""

from django.http import Http404

from scotty.core.errors import Conflict, DomainError, NotAllowed, NotFound


def status_for(error: DomainError) -> int:
    """409 for a conflict, 403 for a change the person may not make, 400 for anything
    else. A NotFound becomes the 404 page (we never say whether the thing exists)."""
    if isinstance(error, NotFound):
        raise Http404(error.message)
    if isinstance(error, Conflict):
        return 409
    return 403 if isinstance(error, NotAllowed) else 400

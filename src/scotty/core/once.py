"""One-time tokens for create and append forms: a double submit does the work once.

Every form that creates or appends something (a request, a reply, a logged call) carries
a fresh token. A double click, a reload after the POST or a retry sends the same token
again; `once` then returns what the first submit produced instead of doing it twice. The
API's Idempotency-Key is the same idea and can use the same helper.
"""

import re
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from scotty.core.errors import InvalidInput
from scotty.core.models import Submission
from scotty.core.queries import insert_unless_exists

Outcome = dict[str, Any]
# What new_token() makes, and a little room for other clients' keys.
_SHAPE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# A repeat later than this is no double submit; the rows are pruned after it.
KEEP_FOR = timedelta(days=1)


def new_token() -> str:
    """A token for one rendering of a form."""
    return secrets.token_urlsafe(16)


def once(person_id: int, token: str, work: Callable[[], Outcome]) -> tuple[Outcome, bool]:
    """Run `work` unless this person already submitted `token`; return (outcome, repeat).

    The token is claimed in the same transaction as the work: when the work is refused
    (a DomainError) nothing is kept, and the corrected form may be sent with the same
    token. Two submits at the same moment: the second waits for the first (the unique
    row), then returns its outcome. An empty token (an old page, a client without one)
    runs the work as is. Raises InvalidInput for a token that no form of ours produced.
    """
    if not token:
        return work(), False
    if not _SHAPE.match(token):
        raise InvalidInput(gettext("This form is out of date: reload the page and try again."))
    with transaction.atomic():
        # Claimed first, looked up only when the claim fails: a first submit (nearly
        # every one) costs one INSERT, with no SELECT before it and no savepoint around
        # it (ON CONFLICT DO NOTHING, where an IntegrityError would need one).
        claim = _claim(person_id, token)
        if claim is None:  # submitted before, or by a concurrent submit just now
            return Submission.objects.get(person_id=person_id, token=token).outcome, True
        outcome = work()
        Submission.objects.filter(pk=claim).update(outcome=outcome)
    return outcome, False


def _claim(person_id: int, token: str) -> int | None:
    """Insert the token's row; its id, or None when this person already sent the token.

    A concurrent submit of the same token waits for the first one's transaction (the
    unique index), then finds the row taken.
    """
    values = {"person_id": person_id, "token": token, "outcome": {}, "created_at": timezone.now()}
    return insert_unless_exists(Submission, values, unique=("person_id", "token"))


def forget_old_submissions(*, now: Any = None) -> int:
    """Delete tokens older than KEEP_FOR; returns how many (the worker runs it daily)."""
    cutoff = (now or timezone.now()) - KEEP_FOR
    deleted, _ = Submission.objects.filter(created_at__lt=cutoff).delete()
    return deleted

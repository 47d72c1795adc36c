"""What recent experience says about how long a unit takes: the business time within
which most of its requests of the last 90 days were resolved, for the promise the
portal makes beside its SLA ("Most requests ... were done within 2 working days").

Read from the resolution times the clocks store (`Ticket.resolution_minutes`), one
query per unit at most once an hour (the shared cache keeps the answer), and hidden
when there are too few resolved requests to say.
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from scotty.tickets.models import Ticket

WINDOW = timedelta(days=90)
AT_LEAST = 20  # fewer resolved requests than this say nothing
SHARE = 0.75  # "most": three in four
KEEP_SECONDS = 3600


@dataclass(frozen=True)
class Experience:
    within: timedelta  # business time within which SHARE of the requests were resolved
    requests: int  # how many it is based on


def typical_resolution(unit_id: int, service_id: int | None = None) -> Experience | None:
    """The unit's recent experience (with `service_id`: of that service's requests
    only), or None when there are too few to say."""
    key = f"experience:{unit_id}:{service_id or ''}"
    found = cache.get(key)
    if found is None:
        found = _measure(unit_id, service_id) or "none"
        cache.set(key, found, KEEP_SECONDS)
    return found if isinstance(found, Experience) else None


def _measure(unit_id: int, service_id: int | None) -> Experience | None:
    resolved = Ticket.objects.filter(
        owning_unit_id=unit_id,
        resolved_at__gte=timezone.now() - WINDOW,
        resolution_minutes__isnull=False,
    )
    if service_id is not None:
        resolved = resolved.filter(service_id=service_id)
    count = resolved.count()
    if count < AT_LEAST:
        return None
    position = math.ceil(count * SHARE) - 1  # the slowest of the quickest three in four
    minutes = resolved.order_by("resolution_minutes").values_list("resolution_minutes", flat=True)[
        position
    ]
    return Experience(timedelta(minutes=minutes or 0), count)

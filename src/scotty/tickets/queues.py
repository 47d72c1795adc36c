"""Agent queues: which tickets each desk list shows, in which order, a page at a time.

Read-only. Every queue lies inside `selectors.desk_tickets(person)`, the visibility rule:
it is built on `selectors.desk_units(person)`, with a filter shaped like one of the
composite indexes on `Ticket` (a unit or assignee, the stored `is_open` flag, then the
sort key), so a page is an index range
rather than a sort of every open ticket. Pages are cut with a keyset cursor (the sort
key of the last row shown), never OFFSET, so page 400 costs what page 1 costs and
tickets filed between two clicks neither repeat nor hide rows. Counts are capped.

An agent's own open tickets split in two (`needs-action`, `my-waiting`): what needs
them now (new and open ones, and waiting ones that came back: their `waiting_until` has
come, or the requester had the last word since), and what is still waiting on someone
else. Every row says whether it is unread for the person (`selectors.with_unread`).
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from django.db import connections
from django.db.models import Exists, F, Lookup, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext_lazy

from scotty.accounts.models import Person
from scotty.catalog.answers import match_of
from scotty.catalog.selectors import calendars_by_unit
from scotty.core.businesstime import add
from scotty.core.errors import NotFound
from scotty.tickets.models import Ticket, TicketAnswer
from scotty.tickets.selectors import desk_units, with_unread
from scotty.tickets.states import WAITING_STATUSES, Status

PAGE_SIZE = 25
# Counting stops here: "1000+" tells an agent as much as 48,213 and costs a bounded scan.
COUNT_CAP = 1000
# How far back "recently resolved" looks.
RECENT_DAYS = 30


class Sort(StrEnum):
    PRIORITY = "priority"  # most pressing first, then the oldest: what to work on next
    NEWEST = "newest"
    OLDEST = "oldest"
    RECENTLY_RESOLVED = "resolved"  # latest resolution first
    DUE = "due"  # the soonest due (SLA or OLA) first, breached ones before all


SORT_LABELS = {
    Sort.PRIORITY: gettext_lazy("Priority, then oldest"),
    Sort.NEWEST: gettext_lazy("Newest first"),
    Sort.OLDEST: gettext_lazy("Oldest first"),
    Sort.RECENTLY_RESOLVED: gettext_lazy("Latest resolved first"),
    Sort.DUE: gettext_lazy("Due soonest"),
}

# Each sort is a list of (field, descending); the last key is always the unique id, so
# the order is total and a cursor names exactly one position.
_SORT_KEYS: dict[Sort, tuple[tuple[str, bool], ...]] = {
    Sort.PRIORITY: (("priority", False), ("id", False)),
    Sort.NEWEST: (("id", True),),
    Sort.OLDEST: (("id", False),),
    Sort.RECENTLY_RESOLVED: (("resolved_at", True), ("id", True)),
    Sort.DUE: (("due_at", False), ("id", False)),  # q_unit_due, q_assignee_due
}
_DATE_KEYS = frozenset({"resolved_at", "due_at"})


@dataclass(frozen=True)
class Queue:
    slug: str
    title: str | Promise  # lazy: each reader's language
    description: str | Promise
    sorts: tuple[Sort, ...] = (Sort.PRIORITY, Sort.DUE, Sort.NEWEST, Sort.OLDEST)
    listed: bool = True  # in the desk's queue list; False: reached from "Work on now"
    assigned_to_me: bool = False  # every row is the agent's own: no assignee column

    @property
    def default_sort(self) -> Sort:
        return self.sorts[0]


def _recently_resolved() -> str:
    return ngettext(
        "Resolved by your units in the last %(count)d day.",
        "Resolved by your units in the last %(count)d days.",
        RECENT_DAYS,
    ) % {"count": RECENT_DAYS}


QUEUES: tuple[Queue, ...] = (
    Queue(
        "needs-action",
        gettext_lazy("Needs my action"),
        gettext_lazy(
            "Your new and open tickets, and your waiting ones whose follow-up date has come "
            "or whose requester answered."
        ),
        listed=False,  # "Work on now" shows it first, with its count
        assigned_to_me=True,
    ),
    Queue(
        "mine",
        gettext_lazy("My tickets"),
        gettext_lazy("Open tickets assigned to you."),
        assigned_to_me=True,
    ),
    Queue(
        "unassigned",
        gettext_lazy("Unassigned"),
        gettext_lazy("Open tickets of your units that nobody has taken."),
    ),
    Queue(
        "open", gettext_lazy("All open"), gettext_lazy("Every open ticket your units are working.")
    ),
    Queue(
        "waiting",
        pgettext_lazy("queue", "Waiting"),
        gettext_lazy("Waiting on the requester or on a third party."),
    ),
    Queue(
        "resolved",
        gettext_lazy("Recently resolved"),
        lazy(_recently_resolved, str)(),
        (Sort.RECENTLY_RESOLVED, Sort.PRIORITY, Sort.NEWEST, Sort.OLDEST),
    ),
    Queue(
        "handed-off",
        gettext_lazy("Handed to other units"),
        gettext_lazy("Open tickets your units own that another unit is working: follow them up."),
    ),
    Queue(
        "my-waiting",
        gettext_lazy("My waiting tickets"),
        gettext_lazy(
            "Your tickets waiting on the requester or a third party, until their follow-up "
            "date or an answer from the requester."
        ),
        listed=False,
        assigned_to_me=True,
    ),
)
_BY_SLUG = {q.slug: q for q in QUEUES}


def queue(slug: str) -> Queue:
    """The queue with this slug; NotFound for any other."""
    try:
        return _BY_SLUG[slug]
    except KeyError:
        raise NotFound(gettext("No such queue.")) from None


@dataclass(frozen=True)
class QueueFilters:
    """Narrowing an agent chose on top of a queue; None or "" means "any"."""

    status: str = ""
    priority: int | None = None
    unit_id: int | None = None  # the working unit
    assignee_id: int | None = None
    assignee_email: str = ""  # what the desk's filter bar sends (a people picker)
    unassigned: bool = False
    requester_email: str = ""
    tag: str = ""
    due: str = ""  # "", or a Due: breached, or due within the next business hour
    service_id: int | None = None
    group_id: int | None = None  # the agent group
    # Tickets whose answer to the catalog question `answer_key` is `answer_value`
    # (case and accents folded), whichever version of the form asked it.
    answer_key: str = ""
    answer_value: str = ""


class Due(StrEnum):
    BREACHED = "breached"
    SOON = "soon"


DUE_LABELS = {
    Due.BREACHED: gettext_lazy("Overdue (breached)"),
    Due.SOON: gettext_lazy("Due within 1 business hour"),
}
# "Soon" is this much business time, in each owning unit's calendar.
SOON = timedelta(hours=1)


def _worked_by(units: list[int] | None) -> Q:
    return Q() if units is None else Q(working_unit_id__in=units)


_WAITING = sorted(WAITING_STATUSES)  # sorted: the same SQL as the partial index's condition
_ACTIVE = [Status.NEW, Status.OPEN]
_CODE = re.compile(r"^[a-z_]+$")


class _InCodes(Lookup):
    """`column IN ('a', 'b')` with the codes written into the SQL, not bound. SQLite uses
    a partial index only when the query carries the index's condition, and it matches
    `IN (?, ?)` with bound values to none: the waiting queues read q_unit_status and
    every row instead of their partial indexes (2 ms against 0.2 ms per count at 100k
    tickets). For fixed codes of ours only (statuses), never for anyone's input."""

    lookup_name = "in_codes"
    prepare_rhs = False

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        lhs, params = self.process_lhs(compiler, connection)
        if not all(_CODE.match(code) for code in self.rhs):
            raise ValueError(f"Not codes: {self.rhs!r}")
        return f"{lhs} IN ({', '.join(repr(str(code)) for code in self.rhs)})", params


def _waiting() -> Q:
    return Q(_InCodes(F("status"), _WAITING))


def _came_back() -> Q:
    """A waiting ticket that needs its assignee again: its follow-up date has come, or the
    requester had the last word since it went waiting (an agent's change, going waiting
    included, makes them no longer the last). Columns of the ticket row only, so no join.
    (A reply to a ticket waiting on the requester reopens it anyway; this is what catches
    the requester's answer while we wait on a third party.)"""
    return Q(waiting_until__lte=timezone.now()) | Q(updated_by_id=F("requester_id"))


def _mine(person: Person, units: list[int] | None) -> Q:
    mine = Q(assignee_id=person.pk, is_open=True)
    if units is None:
        return mine
    return mine & (Q(working_unit_id__in=units) | Q(owning_unit_id__in=units))


def _queue_q(slug: str, person: Person) -> Q:
    units = desk_units(person)
    if slug == "mine":
        return _mine(person, units)
    if slug == "needs-action":  # an index range on q_assignee_open, the rest filters it
        back = _waiting() & _came_back()
        return _mine(person, units) & (Q(status__in=_ACTIVE) | back)
    if slug == "my-waiting":  # the partial index q_assignee_waiting holds exactly these
        return _mine(person, units) & _waiting() & ~_came_back()
    if slug == "unassigned":
        return _worked_by(units) & Q(is_open=True, assignee__isnull=True)
    if slug == "open":
        return _worked_by(units) & Q(is_open=True)
    if slug == "waiting":
        # is_open is implied; spelled out, SQLite walks q_unit_waiting in order.
        return _worked_by(units) & Q(is_open=True) & _waiting()
    if slug == "resolved":
        since = timezone.now() - timedelta(days=RECENT_DAYS)
        return _worked_by(units) & Q(resolved_at__gte=since)
    # Handed off. "working != owning" is implied by the rest for agents, but spelled out so
    # the database can use the partial index `q_handed_off`, which holds only such tickets.
    away = Q(is_open=True) & ~Q(working_unit_id=F("owning_unit_id"))
    if units is None:  # an administrator: any ticket away from its owner
        return away
    return away & Q(owning_unit_id__in=units) & ~Q(working_unit_id__in=units)


def filters_q(filters: QueueFilters) -> Q:
    """The condition of the filters an agent chose (the desk search narrows by it too)."""
    q = Q()
    if filters.status:
        q &= Q(status=filters.status)
    if filters.priority is not None:
        q &= Q(priority=filters.priority)
    if filters.unit_id is not None:
        q &= Q(working_unit_id=filters.unit_id)
    if filters.unassigned:
        q &= Q(assignee__isnull=True)
    elif filters.assignee_id is not None:
        q &= Q(assignee_id=filters.assignee_id)
    elif filters.assignee_email:
        q &= Q(assignee__email=filters.assignee_email.strip().lower())
    if filters.requester_email:
        q &= Q(requester__email=filters.requester_email.strip().lower())
    if filters.tag:
        q &= Q(tags__name=filters.tag.strip().lower())
    if filters.due:
        q &= due_q(filters.due, timezone.now())
    if filters.service_id is not None:
        q &= Q(service_id=filters.service_id)
    if filters.group_id is not None:
        q &= Q(agent_group_id=filters.group_id)
    if filters.answer_key and filters.answer_value.strip():
        answered = TicketAnswer.objects.filter(ticket_id=OuterRef("pk"), key=filters.answer_key,
                                               match=match_of(filters.answer_value))  # fmt: skip
        q &= Q(Exists(answered))
    return q


def due_q(due: str, now: datetime) -> Q:
    """Overdue tickets (a clock's due time has passed), or those due within the next
    business hour of their owning unit's calendar (`SOON`), not yet overdue."""
    if due == Due.BREACHED:
        return Q(due_at__lte=now)
    calendars = calendars_by_unit()
    soon = Q(~Q(owning_unit_id__in=list(calendars)), due_at__lte=now + SOON)  # around the clock
    for unit_id, calendar in calendars.items():
        soon |= Q(owning_unit_id=unit_id, due_at__lte=add(calendar, now, SOON))
    return Q(due_at__gt=now) & soon


def queue_tickets(
    person: Person, slug: str, filters: QueueFilters | None = None
) -> QuerySet[Ticket]:
    """The tickets in one of `person`'s queues, narrowed by `filters`, in no order.

    Raises NotFound for an unknown slug. Never wider than `desk_tickets(person)`: every
    queue condition names the person's units (`desk_units`), so the visibility rule's
    "working OR owning unit" is not repeated; repeated, it made the database read every
    counted row to check the owning unit, which the queue indexes do not hold.
    """
    queue(slug)
    q = _queue_q(slug, person) & filters_q(filters or QueueFilters())
    return Ticket.objects.filter(q)


# --- Keyset pagination -------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Larger than any id (bigint) or microsecond timestamp we write; a cursor beyond is forged.
_CURSOR_LIMIT = 2**63


def _encode(value: object) -> str:
    if isinstance(value, datetime):
        return str((value - _EPOCH) // timedelta(microseconds=1))
    return str(value)


def encode_cursor(ticket: Ticket, sort: Sort) -> str:
    """The position just after `ticket` in `sort` order, as text fit for a URL."""
    return ".".join(_encode(getattr(ticket, field)) for field, _ in _SORT_KEYS[sort])


def _decode(cursor: str, sort: Sort) -> list[object] | None:
    keys = _SORT_KEYS[sort]
    parts = cursor.split(".")
    if len(parts) != len(keys):
        return None
    try:
        numbers = [int(p) for p in parts]
        if any(not 0 <= n < _CURSOR_LIMIT for n in numbers):
            return None  # no id, priority or timestamp of ours looks like this
        return [
            _EPOCH + timedelta(microseconds=n) if field in _DATE_KEYS else n
            for (field, _), n in zip(keys, numbers, strict=True)
        ]
    except (ValueError, OverflowError):
        return None


def _after(sort: Sort, values: list[object]) -> Q:
    """Rows strictly after `values` in `sort` order: (a > x) or (a = x and b > y) ..."""
    keys = _SORT_KEYS[sort]
    q = Q()
    for i, (field, descending) in enumerate(keys):
        step = Q(**{f"{field}__{'lt' if descending else 'gt'}": values[i]})
        for j in range(i):
            step &= Q(**{keys[j][0]: values[j]})
        q |= step
    # The same condition again as a plain range on the first key, which any planner
    # turns into an index range start.
    first, descending = keys[0]
    return Q(**{f"{first}__{'lte' if descending else 'gte'}": values[0]}) & q


def _order_by(sort: Sort) -> list[str]:
    return [f"-{field}" if descending else field for field, descending in _SORT_KEYS[sort]]


@dataclass(frozen=True)
class QueuePage:
    tickets: list[Ticket]
    next_cursor: str | None  # None on the last page


def queue_page(
    person: Person,
    slug: str,
    *,
    filters: QueueFilters | None = None,
    sort: Sort | None = None,
    after: str = "",
    size: int = PAGE_SIZE,
) -> QueuePage:
    """One page of a queue, starting after the cursor `after` (first page when empty).

    Rows come with requester, assignee and units joined, tags prefetched and `unread`
    set (`selectors.with_unread`), so a page costs two queries however many rows
    it shows. A sort the queue does not offer, or a cursor that does not parse, falls
    back to the default sort / the first page.
    """
    chosen = queue(slug)
    sort = sort if sort in chosen.sorts else chosen.default_sort
    tickets = (
        queue_tickets(person, slug, filters)
        # Not updated_by: one more join cost PostgreSQL ~1 ms of planning per page; the
        # row names who changed it last when that is the requester, assignee or reader.
        .select_related("requester", "assignee", "working_unit", "owning_unit")
        .prefetch_related("tags")
        .order_by(*_order_by(sort))
    )
    position = _decode(after, sort) if after else None
    if position is not None:
        tickets = tickets.filter(_after(sort, position))
    rows = with_unread(tickets, person, limit=size + 1)
    more = len(rows) > size
    rows = rows[:size]
    return QueuePage(rows, encode_cursor(rows[-1], sort) if more and rows else None)


@dataclass(frozen=True)
class QueueCount:
    queue: Queue
    count: int
    capped: bool  # True: there are more than `count`

    @property
    def shown(self) -> str:
        return f"{self.count}+" if self.capped else str(self.count)


def queue_count(person: Person, slug: str, *, cap: int | None = None) -> QueueCount:
    """How many tickets one of `person`'s queues holds, counting at most `cap`: COUNT(*)
    over a LIMIT cap+1 subquery, so a queue of a million tickets costs no more than one
    of a thousand."""
    cap = cap or COUNT_CAP
    n = queue_tickets(person, slug)[: cap + 1].count()
    return QueueCount(queue(slug), min(n, cap), n > cap)


def queue_counts(
    person: Person, *, cap: int | None = None, also: tuple[str, ...] = ()
) -> list[QueueCount]:
    """The capped count of each queue in the desk's list, then of the queues named in
    `also`, in ONE query: each count is its own capped subquery (as `queue_count`'s),
    side by side in one SELECT, so a desk page pays one round trip and one plan for
    all of them, and they are counted at the same moment. Raises NotFound for an
    unknown slug in `also`."""
    cap = cap or COUNT_CAP
    slugs = [q.slug for q in QUEUES if q.listed] + [queue(slug).slug for slug in also]
    parts: list[str] = []
    params: list[Any] = []
    for slug in slugs:
        # The ORM writes each count's SQL, with the queue's own condition; only the
        # SELECT that puts them side by side is written here.
        sql, values = queue_tickets(person, slug).values("id")[: cap + 1].query.sql_with_params()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted)")  # noqa: S608 (ORM's SQL, values apart)
        params.extend(values)
    with connections[Ticket.objects.db].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        counted = cursor.fetchone()
    return [
        QueueCount(queue(slug), min(n, cap), n > cap)
        for slug, n in zip(slugs, counted, strict=True)
    ]


def my_waiting_count(person: Person, mine: QueueCount, needs: QueueCount) -> QueueCount:
    """How many of the person's tickets are waiting ("my-waiting"), from the counts of
    "mine" and "needs-action": the first is exactly the other two, so no query unless
    one of them stopped at the cap."""
    if mine.capped or needs.capped:
        return queue_count(person, "my-waiting")
    # max: a ticket that changed between the two counts must not make it negative.
    return QueueCount(queue("my-waiting"), max(0, mine.count - needs.count), capped=False)

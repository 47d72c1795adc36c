"""Bulk generator of an organisation and its tickets, shared by `scotty demo` and bench/.

Speed comes from building rows in memory (`stories`, `history`) and writing each batch
with a handful of `bulk_create` calls; a million tickets is a matter of minutes. The
rows are what the services would have written (events, versions, timestamps, numbers),
so the services work on them afterwards: a new ticket continues each unit's numbering.
"""

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from scotty.accounts.models import Department, Location, Person, SupportUnit
from scotty.catalog.models import FormVersion
from scotty.demo import rows
from scotty.demo.catalog import Form
from scotty.demo.content import topics_by_unit
from scotty.demo.content.people import LOCATIONS, UNITS
from scotty.demo.history import History
from scotty.demo.knowledge import create_knowledge
from scotty.demo.org import Cast, create_organisation, set_passwords
from scotty.demo.rows import EventRow, MessageRow, Writer
from scotty.demo.stories import Clock, Plot, final_status
from scotty.demo.texts import Words
from scotty.tickets.models import Channel, Message, Tag, Ticket
from scotty.tickets.priority import Impact, Urgency, priority_for
from scotty.tickets.states import Status


@dataclass(frozen=True)
class Scale:
    tickets: int = 3000
    requesters: int = 400
    extra_agents: int = 0  # beyond the named ones, for large benchmark databases
    days: int = 120  # tickets are spread over this many days before now
    seed: int = 42
    # Share of finished tickets told with a whole conversation; the others get a short
    # history (created, assigned, answered, resolved, closed). Open tickets always get
    # the whole story: they are the ones people open in the desk.
    full_share: float = 1.0
    batch_size: int = 2000


@dataclass
class Summary:
    tickets: int = 0
    messages: int = 0
    events: int = 0
    seconds: float = 0.0


Progress = Callable[[Summary], None]

_CHANNELS = (Channel.PORTAL, Channel.EMAIL, Channel.PHONE, Channel.WALK_IN)
_CHANNEL_WEIGHTS = {"IT": (45, 30, 15, 10), "INF": (30, 60, 10, 0)}
_OTHER_CHANNEL_WEIGHTS = (55, 35, 8, 2)
_BY_AGENT = frozenset({Channel.PHONE, Channel.WALK_IN})  # an agent logs these for the person
# The catalog's forms went live this many days ago: requests filed in the portal since
# then went through a request type and its form (before, people described everything).
FORMS_DAYS = 21


def load(
    scale: Scale,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
    passwords: Mapping[str, str] | None = None,
) -> Summary:
    """Create the organisation and `scale.tickets` tickets. The caller picks the transaction:
    the demo wraps it all in one; bench commits batch by batch.

    Only the people in `passwords` (e-mail -> password) can sign in; the others' passwords
    are unusable. A handful of Argon2 hashes, not one per person (tens of ms each)."""
    rng = random.Random(scale.seed)
    cast = create_organisation(rng, requesters=scale.requesters, extra_agents=scale.extra_agents)
    set_passwords(passwords or {})
    now = now or timezone.now()
    create_knowledge(cast, random.Random(scale.seed + 9), timezone.localdate(now))
    return generate_tickets(cast, scale, rng, now, progress)


def opening_times(rng: random.Random, count: int, days: int, now: datetime) -> list[float]:
    """Sorted POSIX times over the last `days` days, mostly on weekdays in office hours."""
    zone = ZoneInfo(settings.TIME_ZONE)
    today = now.astimezone(zone).date()
    midnights, weekend = [], []
    for back in range(days, -1, -1):
        day = today - timedelta(days=back)
        midnights.append(datetime(day.year, day.month, day.day, tzinfo=zone).timestamp())
        weekend.append(day.weekday() >= 5)
    start, end = (now - timedelta(days=days)).timestamp(), now.timestamp() - 60
    times: list[float] = []
    while len(times) < count:
        day_index = rng.randrange(len(midnights))
        if weekend[day_index] and rng.random() < 0.85:
            continue
        at = midnights[day_index] + 3600 * rng.triangular(6.5, 19.5, 10)
        if start < at < end:
            times.append(at)
    times.sort()
    return times


class _Filing:
    """Opens tickets in memory: unit, topic, requester, channel, number, words."""

    def __init__(self, cast: Cast, scale: Scale, rng: random.Random, now: datetime) -> None:
        self.cast, self.scale, self.rng, self.now = cast, scale, rng, now
        self.topics = topics_by_unit()
        self.prefixes = [u.prefix for u in UNITS]
        self.unit_weights = [u.share for u in UNITS]
        self.numbers = {p: cast.units[p].last_number for p in self.prefixes}
        self.sites = dict(Location.objects.values_list("id", "name"))
        self.departments = dict(Department.objects.values_list("id", "name"))
        # The demo requester files a dozen tickets, so their portal has something to show,
        # and every Nth of the last two weeks' (about six), so some are still open when
        # they sign in.
        self.persona_share = min(12 / max(scale.tickets, 1), 0.02)
        recent_tickets = scale.tickets * min(14, scale.days) / max(scale.days, 1)
        self.persona_every = max(int(recent_tickets // 6), 1)
        self.recent_seen = 0
        self.zone = ZoneInfo(settings.TIME_ZONE)
        self.forms_since = now - timedelta(days=min(FORMS_DAYS, scale.days))

    def site_of(self, person: Person) -> str:
        # Remote workers come to (and are helped from) the head office.
        site = self.sites.get(person.location_id or 0, "Remote")
        return site if site != "Remote" else next(iter(LOCATIONS))

    def requester(self, at: datetime) -> Person:
        if self.now - at < timedelta(days=14):
            self.recent_seen += 1
            if self.recent_seen % self.persona_every == 0:
                return self.cast.requesters[0]
        elif self.rng.random() < self.persona_share:
            return self.cast.requesters[0]
        return self.rng.choice(self.cast.requesters)

    def open(self, at: datetime) -> Plot:
        rng = self.rng
        prefix = rng.choices(self.prefixes, weights=self.unit_weights)[0]
        unit = self.cast.units[prefix]
        topics = self.topics[prefix]
        topic = rng.choices(topics, weights=[t.weight for t in topics])[0]
        requester = self.requester(at)
        weights = _CHANNEL_WEIGHTS.get(prefix, _OTHER_CHANNEL_WEIGHTS)
        channel = rng.choices(_CHANNELS, weights=weights)[0]
        words = Words(
            rng, topic, requester,
            self.site_of(requester),
            self.departments.get(requester.department_id or 0, ""),
        )  # fmt: skip
        form = self.form_for(words.case.key, prefix, requester, channel, at)
        if channel in _BY_AGENT:  # the agent who took the call triages it right away
            creator = rng.choice(self.cast.agents[prefix])
            impact, urgency = rng.choice(topic.triage)
        elif form is not None:  # open_ticket: the request type's defaults
            creator = requester
            impact = form.request_type.impact or Impact.LOW
            urgency = form.request_type.urgency or Urgency.MEDIUM
        else:
            creator, impact, urgency = requester, Impact.LOW, Urgency.MEDIUM
        self.numbers[prefix] += 1
        number = self.numbers[prefix]
        ticket = Ticket(
            number=number, reference=f"{prefix}-{number}", title=words.title(),
            description=words.description(channel), requester_id=requester.pk,
            owning_unit_id=unit.pk, working_unit_id=unit.pk, created_by_id=creator.pk,
            impact=impact, urgency=urgency, priority=int(priority_for(impact, urgency)),
            channel=channel, status=Status.NEW, is_open=True, created_at=at, updated_at=at,
        )  # fmt: skip
        history = History(ticket, requester=requester, working_unit=unit)
        if form is not None:
            colleagues = self.cast.colleagues.get(requester.department_id) or self.cast.requesters
            answers = form.answers(rng, words.case.key, words, at.astimezone(self.zone).date(),
                                   [p for p in colleagues if p.pk != requester.pk])  # fmt: skip
            history.filed_through(form.request_type, form.version, form.group, answers)
        age_days = (self.now - at).total_seconds() / 86400
        return Plot(
            rng=rng, cast=self.cast, history=history, words=words, topic=topic, home=prefix,
            clock=Clock(rng, at, self.now - timedelta(seconds=30)),
            final=final_status(rng, age_days), creator=creator,
            group_agents=form.group_agents if form is not None else (),
        )  # fmt: skip

    def form_for(
        self, case: str, prefix: str, requester: Person, channel: str, at: datetime
    ) -> Form | None:
        """The form a ticket about this case was filed with: one offered to the
        requester and received by the ticket's unit, in the portal since forms exist."""
        form = self.cast.forms.get(case)
        if form is None or channel != Channel.PORTAL or at < self.forms_since:
            return None
        return form if form.receiving == prefix and form.offered_to(requester) else None


def generate_tickets(
    cast: Cast,
    scale: Scale,
    rng: random.Random,
    now: datetime,
    progress: Progress | None = None,
) -> Summary:
    """Write `scale.tickets` tickets with their stories, batch by batch."""
    started = time.perf_counter()
    filing = _Filing(cast, scale, rng, now)
    tag_ids = _ensure_tags(filing)
    # The forms were written before the first ticket was filed with them.
    FormVersion.objects.filter(request_type__service__unit__in=cast.units.values()).update(
        created_at=filing.forms_since - timedelta(days=1)
    )
    summary = Summary()
    times = opening_times(rng, scale.tickets, scale.days, now)
    writer = Writer()
    for first in range(0, len(times), scale.batch_size):
        histories = []
        for stamp in times[first : first + scale.batch_size]:
            plot = filing.open(datetime.fromtimestamp(stamp, tz=UTC))
            finished = plot.final in (Status.RESOLVED, Status.CLOSED)
            if finished and rng.random() >= scale.full_share:
                plot.tell_briefly()
            else:
                plot.tell()
            histories.append(plot.history)
        _write(writer, histories, tag_ids, summary)
        summary.seconds = time.perf_counter() - started
        if progress is not None:
            progress(summary)
    writer.finish()
    # New tickets continue each unit's sequence (open_ticket increments last_number).
    for prefix, number in filing.numbers.items():
        SupportUnit.objects.filter(pk=cast.units[prefix].pk).update(last_number=number)
    summary.seconds = time.perf_counter() - started
    return summary


def _ensure_tags(filing: _Filing) -> dict[str, int]:
    names = {tag for topics in filing.topics.values() for t in topics for tag in t.tags}
    names |= {tag for form in filing.cast.forms.values() for tag in form.spec.tags.split()}
    existing = dict(Tag.objects.filter(name__in=names).values_list("name", "id"))
    Tag.objects.bulk_create(Tag(name=n) for n in sorted(names - existing.keys()))
    return dict(Tag.objects.filter(name__in=names).values_list("name", "id"))


def _write(
    writer: Writer, histories: list[History], tag_ids: dict[str, int], summary: Summary
) -> None:
    """Tickets, messages and events of one batch, with ids given up front so each row can
    point at its ticket and message; one transaction per batch."""
    ticket_id = writer.allocate(Ticket, len(histories))
    message_id = writer.allocate(Message, sum(len(h.messages) for h in histories))
    messages: list[MessageRow] = []
    events: list[EventRow] = []
    tag_links, watch_links, answers = [], [], []
    tagged, watched = Ticket.tags.through, Ticket.watchers.through
    for h in histories:
        h.ticket.pk = ticket_id
        for message in h.messages:
            message.id, message.ticket_id = message_id, ticket_id
            message_id += 1
        for event in h.events:
            event.ticket_id = ticket_id
        for event, message in h.message_events:
            event.message_id = message.id
        messages += h.messages
        events += h.events
        tag_links += [tagged(ticket_id=ticket_id, tag_id=tag_ids[name]) for name in h.tags]
        watch_links += [watched(ticket_id=ticket_id, person_id=pk) for pk in h.watcher_ids]
        for answer in h.answers:
            answer.ticket_id = ticket_id
        answers += h.answers
        ticket_id += 1
    with transaction.atomic():
        writer.insert(rows.TICKETS, [h.ticket for h in histories])
        writer.insert(rows.MESSAGES, messages)
        writer.insert(rows.EVENTS, events)
        writer.insert(rows.TAG_LINKS, tag_links)
        writer.insert(rows.WATCH_LINKS, watch_links)
        writer.insert(rows.ANSWERS, answers)
    summary.tickets += len(histories)
    summary.messages += len(messages)
    summary.events += len(events)

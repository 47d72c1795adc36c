"""Property tests: any sequence of status moves keeps the ticket consistent."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scotty.core.errors import InvalidTransition, NotAllowed
from scotty.core.testing import Org, file_ticket
from scotty.tickets import states
from scotty.tickets.models import Ticket
from scotty.tickets.priority import Impact, Priority, Urgency, priority_for
from scotty.tickets.services import transition
from scotty.tickets.states import Status


@given(st.sampled_from(Impact.values), st.sampled_from(Urgency.values))
def test_the_matrix_gives_p1_only_for_high_high_and_is_monotonic(impact: str, urgency: str) -> None:
    priority = priority_for(impact, urgency)
    assert (priority == Priority.CRITICAL) == (impact == urgency == "high")
    order = ["high", "medium", "low"]
    for worse_impact in order[order.index(impact) :]:
        assert priority_for(worse_impact, urgency) >= priority


def test_every_status_has_a_type_an_open_flag_and_a_requester_wording() -> None:
    for status in Status.values:
        info = states.STATUS_INFO[status]
        assert info.requester_wording and info.clock in states.ClockType
    assert {"new", "open", "waiting_requester", "waiting_third_party"} == states.OPEN_STATUSES


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(moves=st.lists(st.sampled_from(Status.values), min_size=1, max_size=8))
def test_random_moves_are_applied_or_refused_and_history_matches(
    org: Org, moves: list[str]
) -> None:
    ticket = file_ticket(org.requester, org.it)
    expected, applied = Status.NEW, 0
    for target in moves:
        try:
            transition(ticket, actor=org.agent, to=target, expected_version=ticket.version,
                       resolution="Fixed it.")  # fmt: skip
        except InvalidTransition:
            assert not states.can_move(expected, target)
            continue
        except NotAllowed:  # closed is final, whatever the target
            assert expected == Status.CLOSED
            continue
        assert states.can_move(expected, target)
        expected, applied = target, applied + 1
    fresh = Ticket.objects.get(pk=ticket.pk)
    assert fresh.status == expected and fresh.is_open == states.is_open(expected)
    assert (fresh.resolved_at is not None) == (expected in (Status.RESOLVED, Status.CLOSED))
    recorded = list(fresh.events.filter(field="status").values_list("new_value", flat=True))
    assert len(recorded) == applied and (recorded or [Status.NEW])[-1] == expected
    assert fresh.version == 1 + applied

"""PostgreSQL chooses between bounded plans (walk the newest tickets, the GIN index, or
the scope's tickets first); every choice must give the same results."""

import pytest
from django.db import connection

from scotty.core.testing import Org, file_ticket
from scotty.search.backends import postgres
from scotty.tickets.queues import QueueFilters
from tests.search.conftest import as_agent

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans only")


@pytest.mark.parametrize(("slice_", "budget"), [(10_000, 20_000), (2, 20_000), (2, 0)])
def test_each_plan_finds_the_same_tickets(
    org: Org, monkeypatch: pytest.MonkeyPatch, slice_: int, budget: int
) -> None:
    old = [file_ticket(org.requester, org.it, f"Webcam {i} is blurry") for i in range(4)]
    file_ticket(org.requester, org.hr, "Webcam for the HR interview room")
    newer = [file_ticket(org.requester, org.it, f"Mouse {i} double-clicks") for i in range(4)]
    monkeypatch.setattr(postgres, "SLICE", slice_)  # 2: the walk sees the newest few only
    monkeypatch.setattr(postgres, "GIN_BUDGET", budget)  # 0: start from the tickets
    assert set(as_agent(org.agent, "webcam")) == {t.reference for t in old}
    assert set(as_agent(org.agent, "mouse")) == {t.reference for t in newer}
    narrowed = as_agent(org.agent, "webcam", filters=QueueFilters(unit_id=org.it.pk))
    assert set(narrowed) == {t.reference for t in old}
    assert as_agent(org.hr_agent, "webcam") == [
        r for r in as_agent(org.admin, "webcam") if r.startswith("HR-")
    ]


@pytest.mark.parametrize("walks", [0, 2, 1_000])
def test_walking_further_slices_down_finds_the_same_tickets_newest_first(
    org: Org, monkeypatch: pytest.MonkeyPatch, walks: int
) -> None:
    printers = []
    for i in range(6):
        printers.append(file_ticket(org.requester, org.it, f"Printer {i} jams"))
        file_ticket(org.requester, org.it, f"Monitor {i} flickers")
    monkeypatch.setattr(postgres, "SLICE", 3)  # 1 or 2 printers per slice
    monkeypatch.setattr(postgres, "WALKS", walks)  # 0: straight to the GIN index below
    assert as_agent(org.agent, "printer") == [t.reference for t in reversed(printers)]

"""The people picker: a few names matching what was typed, as `<option>`s for a datalist."""

from django.http import HttpResponse
from django.shortcuts import render

from scotty.accounts.selectors import find_people
from scotty.desk.access import DeskRequest, agent_required

LIMIT = 10
# Pickers send their own field's name; `q` is for everyone else.
_QUERY_NAMES = ("q", "requester", "assignee", "watcher", "person")


@agent_required()
def people(request: DeskRequest) -> HttpResponse:
    """At most LIMIT people (agents only with `agents=1`, of one unit with `unit=`)."""
    text = next((request.GET[n] for n in _QUERY_NAMES if request.GET.get(n)), "")
    unit = request.GET.get("unit", "")
    # ASCII digits only ("²".isdigit() is true), and small enough for the database.
    unit_id = int(unit) if unit.isascii() and unit.isdigit() and len(unit) < 10 else None
    found = find_people(
        text, limit=LIMIT, agents_only=request.GET.get("agents") == "1", unit_id=unit_id
    )
    return render(request, "desk/people.html", {"people": found})

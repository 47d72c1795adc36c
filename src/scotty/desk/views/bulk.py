"""The action bar of a queue: one change to the ticked tickets, then back to the queue
with a summary of what changed and what was refused, and why."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from scotty.accounts.models import SupportUnit
from scotty.core.errors import DomainError
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import BulkForm
from scotty.desk.refusals import nothing_changed
from scotty.tickets.services.bulk import BulkOutcome, bulk_apply


def _back(request: DeskRequest, given: str) -> str:
    """The queue page the agent came from (with its filters), or the front door."""
    safe = url_has_allowed_host_and_scheme(
        given, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return given if safe and given.startswith("/desk/") else reverse("desk:home")


def summary(outcome: BulkOutcome) -> tuple[str, list[str]]:
    """("12 changed, 1 already so.", ["IT-1003: This ticket is closed, ..."]): the
    headline, and one line per reason a ticket was refused (tickets grouped by it)."""
    changed = len(outcome.changed)
    parts = [
        ngettext("%(count)d ticket changed", "%(count)d tickets changed", changed)
        % {"count": changed}
    ]
    if outcome.unchanged:
        same = len(outcome.unchanged)
        parts.append(
            ngettext("%(count)d already so", "%(count)d already so", same) % {"count": same}
        )
    refused = sum(len(refs) for refs in outcome.refused.values())
    if refused:
        parts.append(
            ngettext("%(count)d not changed", "%(count)d not changed", refused) % {"count": refused}
        )
    lines = [f"{', '.join(refs)}: {reason}" for reason, refs in outcome.refused.items()]
    return gettext("%(parts)s.") % {"parts": ", ".join(parts)}, lines


@agent_required()  # first, so a non-agent gets 404 whatever the method
@require_POST
def bulk(request: DeskRequest) -> HttpResponse:
    """Apply the chosen action to each ticked ticket (`bulk_apply`), one at a time."""
    form = BulkForm(request.POST, units=list(SupportUnit.objects.all()))
    back = _back(request, request.POST.get("next", ""))
    if not form.is_valid():
        errors = next(iter(form.errors.values()))
        messages.error(request, nothing_changed(errors[0]))
        return redirect(back)
    try:
        outcome = bulk_apply(form.cleaned_data["ticket"], form.op(request.user), actor=request.user)
    except DomainError as error:
        messages.error(request, nothing_changed(error.message))
        return redirect(back)
    headline, refusals = summary(outcome)
    level = messages.SUCCESS if outcome.changed else messages.INFO
    messages.add_message(request, level, headline)
    for line in refusals:
        messages.error(request, line)
    return redirect(back)

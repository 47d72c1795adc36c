"""The desk's Administration area, for administrators (Person.is_superuser) only.

Agents who are not administrators, and requesters, get 404: the area is not theirs to
know about. Anonymous visitors are sent to sign in (agent_required).
"""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from scotty.accounts.selectors import sign_in_locks
from scotty.accounts.services import lift_account_lock, lift_address_hold
from scotty.core.errors import DomainError
from scotty.desk.access import DeskRequest, agent_required


def _require_administrator(request: DeskRequest) -> None:
    if not request.user.is_superuser:
        raise Http404(gettext("No such page."))


class LiftForm(forms.Form):
    """Which lock the "Lift" button names: an account from an address, or an address."""

    kind = forms.ChoiceField(choices=[("account", "account"), ("address", "address")])
    email = forms.CharField(required=False, max_length=255)
    address = forms.CharField(max_length=64)


@agent_required()
def administration(request: DeskRequest) -> HttpResponse:
    """The area's front page: what administrators can look after here."""
    _require_administrator(request)
    return render(request, "desk/administration.html", {"active": "administration"})


@agent_required()
def sign_in_locks_page(request: DeskRequest) -> HttpResponse:
    """Every sign-in lock in force, with a button to lift each."""
    _require_administrator(request)
    context = {"locks": sign_in_locks(), "active": "administration"}
    return render(request, "desk/sign_in_locks.html", context)


@agent_required()
@require_POST
def lift_sign_in_lock(request: DeskRequest) -> HttpResponse:
    _require_administrator(request)
    form = LiftForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("That lock could not be read; nothing was lifted."))
        return redirect("desk:sign_in_locks")
    kind, email, address = (form.cleaned_data[k] for k in ("kind", "email", "address"))
    try:
        if kind == "account":
            lifted = lift_account_lock(actor=request.user, email=email, address=address)
            what = gettext("%(email)s from %(address)s") % {"email": email, "address": address}
        else:
            lifted = lift_address_hold(actor=request.user, address=address)
            what = gettext("sign-ins from %(address)s") % {"address": address}
    except DomainError as error:  # e.g. an account lock without its e-mail
        messages.error(request, error.message)
        return redirect("desk:sign_in_locks")
    if lifted:
        messages.success(request, gettext("Lifted the lock on %(what)s.") % {"what": what})
    else:
        messages.info(request, gettext("The lock on %(what)s had already ended.") % {"what": what})
    return redirect("desk:sign_in_locks")

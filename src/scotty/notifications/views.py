"""A person's mail settings: which kinds of mail Scotty sends them (their own only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from scotty.accounts.models import Person
from scotty.core.errors import InvalidInput, NotAllowed
from scotty.notifications.forms import MailPreferencesForm
from scotty.notifications.mail import (
    AGENT_KINDS,
    kinds_for,
    mail_preferences,
    set_mail_preferences,
)


@login_required
@require_http_methods(["GET", "POST"])
def mail_settings(request: HttpRequest) -> HttpResponse:
    """The signed-in person's choice of mail: there is no id to change, only theirs."""
    person = request.user
    assert isinstance(person, Person)  # login_required
    kinds = kinds_for(person)
    form = MailPreferencesForm(request.POST or None, kinds=kinds,
                               initial=mail_preferences(person))  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            set_mail_preferences(person, actor=person, wanted=form.wanted())
        except (InvalidInput, NotAllowed) as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, gettext("Your mail settings are saved."))
            return redirect("mail_settings")
    fields = [form[kind] for kind in kinds]
    context = {
        "form": form,
        "requester_fields": [f for f in fields if f.name not in AGENT_KINDS],
        "agent_fields": [f for f in fields if f.name in AGENT_KINDS],
    }
    return render(request, "notifications/mail_settings.html", context,
                  status=400 if form.errors else 200)  # fmt: skip

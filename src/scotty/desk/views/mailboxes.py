"""The IMAP mailboxes the worker reads, kept by administrators: every mailbox with its
health, a new one, a change (with "Test connection" before saving), removing one.

Administrators only (Person.is_superuser), as the rest of Administration: other agents
and requesters get 404, anonymous visitors are sent to sign in.
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from scotty.accounts.models import SupportUnit
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.views.administration import _require_administrator
from scotty.mail import selectors
from scotty.mail.inbound import imap
from scotty.mail.models import Mailbox, Security


class MailboxForm(forms.Form):
    """A mailbox's settings as the page shows them. The password is never drawn back into
    the page: left empty on a change, the saved one stays."""

    name = forms.CharField(label=gettext_lazy("Name"), max_length=100)
    address = forms.EmailField(
        label=gettext_lazy("Scotty's address"), max_length=254,
        help_text=gettext_lazy("The address whose mail arrives in this mailbox."),
    )  # fmt: skip
    unit = forms.TypedChoiceField(
        label=gettext_lazy("Unit"), coerce=int,
        help_text=gettext_lazy("Who gets the requests sent to it."),
    )  # fmt: skip
    host = forms.CharField(label=gettext_lazy("Server"), max_length=253)
    port = forms.IntegerField(label=gettext_lazy("Port"), min_value=1, max_value=65535,
                              initial=993)  # fmt: skip
    security = forms.ChoiceField(label=gettext_lazy("Security"), choices=Security.choices,
                                 initial=Security.IMAPS)  # fmt: skip
    username = forms.CharField(label=gettext_lazy("User name"), max_length=254)
    password = forms.CharField(
        label=gettext_lazy("Password"), max_length=500, required=False, strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )  # fmt: skip
    folder = forms.CharField(label=gettext_lazy("Folder to read"), max_length=200,
                             initial="INBOX")  # fmt: skip
    done_folder = forms.CharField(
        label=gettext_lazy("Move processed mail to"), max_length=200, required=False,
        help_text=gettext_lazy("A folder (made when missing). Empty: processed mail stays "
                               "where it is, marked as read."),
    )  # fmt: skip
    unhealthy_after_minutes = forms.IntegerField(
        label=gettext_lazy("Unhealthy when not read for (minutes)"), min_value=1,
        max_value=7 * 24 * 60, initial=30,
    )  # fmt: skip
    is_active = forms.BooleanField(label=gettext_lazy("Read this mailbox"), required=False,
                                   initial=True)  # fmt: skip

    def __init__(self, *args: Any, mailbox: Mailbox | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "mailbox-%s")
        self.mailbox = mailbox
        if mailbox is not None and mailbox.pk and not args:
            initial = {name: getattr(mailbox, name) for name in imap.SETTINGS
                       if name not in ("address", "password")}  # fmt: skip
            initial["address"] = mailbox.address.address
            initial["unit"] = mailbox.address.unit_id
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        units = SupportUnit.objects.order_by("name").values_list("pk", "name")
        self.fields["unit"].choices = list(units)  # type: ignore[attr-defined]
        if mailbox is None or not mailbox.pk:
            self.fields["password"].required = True
        else:
            self.fields["password"].help_text = gettext("Empty: the saved password stays.")

    def values(self) -> dict[str, Any]:
        """The settings for `imap.save_mailbox` (without the unit: see `chosen_unit`)."""
        data = dict(self.cleaned_data)
        data.pop("unit")
        if not data["password"] and self.mailbox is not None and self.mailbox.pk:
            data["password"] = self.mailbox.password
        return data

    def chosen_unit(self) -> SupportUnit:
        return SupportUnit.objects.get(pk=self.cleaned_data["unit"])


def _refused(form: MailboxForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _form_page(request: DeskRequest, form: MailboxForm, mailbox: Mailbox | None, *,
               tested: str | None = None, status: int = 200) -> HttpResponse:  # fmt: skip
    """The new-mailbox or change page; `tested`: what "Test connection" found."""
    context = {
        "form": form,
        "mailbox": mailbox,
        "health": selectors.health_of(mailbox) if mailbox is not None else None,
        "tested": tested,
        "problem": gettext("Nothing was saved: check the values.") if form.errors else "",
        "active": "administration",
    }
    return render(request, "desk/mailboxes_edit.html", context, status=status)


def _test(request: DeskRequest, form: MailboxForm, mailbox: Mailbox | None) -> HttpResponse:
    """Try the settings on the form, without saving them."""
    if not form.is_valid():
        return _form_page(request, form, mailbox, status=400)
    values = form.values()
    values.pop("address")
    trial = Mailbox(**{name: values[name] for name in values if name in imap.SETTINGS})
    problem = imap.test_connection(trial)
    if problem is None:
        tested = gettext("The connection works: Scotty signed in and opened the folder "
                         "“%(folder)s”. Nothing was saved yet.")  # fmt: skip
        tested %= {"folder": trial.folder}
        return _form_page(request, form, mailbox, tested=tested)
    form.add_error(None, gettext("The connection failed: %(problem)s") % {"problem": problem})
    return _form_page(request, form, mailbox, status=400)


def _save(request: DeskRequest, form: MailboxForm, mailbox: Mailbox) -> HttpResponse:
    is_new = not mailbox.pk
    if not form.is_valid():
        return _form_page(request, form, mailbox if not is_new else None, status=400)
    try:
        imap.save_mailbox(mailbox, unit=form.chosen_unit(), **form.values())
    except ValidationError as error:
        _refused(form, error)
        if not is_new:
            mailbox.refresh_from_db()
        return _form_page(request, form, mailbox if not is_new else None, status=400)
    words = gettext("Mailbox %(name)s added.") if is_new else gettext("Mailbox %(name)s saved.")
    messages.success(request, words % {"name": mailbox.name})
    return redirect("desk:mailbox", mailbox_id=mailbox.pk)


@agent_required()
def mailboxes(request: DeskRequest) -> HttpResponse:
    """Every mailbox with its health."""
    _require_administrator(request)
    context = {"rows": selectors.mailbox_health(), "active": "administration"}
    return render(request, "desk/mailboxes.html", context)


@agent_required()
def new_mailbox(request: DeskRequest) -> HttpResponse:
    """A new mailbox (POST "test": try the settings first)."""
    _require_administrator(request)
    if request.method != "POST":
        return _form_page(request, MailboxForm(), None)
    form = MailboxForm(request.POST)
    if request.POST.get("action") == "test":
        return _test(request, form, None)
    return _save(request, form, Mailbox())


@agent_required()
def mailbox(request: DeskRequest, mailbox_id: int) -> HttpResponse:
    """A mailbox's settings and health, changed (POST "test": try them first)."""
    _require_administrator(request)
    record = get_object_or_404(Mailbox.objects.select_related("address"), pk=mailbox_id)
    if request.method != "POST":
        return _form_page(request, MailboxForm(mailbox=record), record)
    form = MailboxForm(request.POST, mailbox=record)
    if request.POST.get("action") == "test":
        return _test(request, form, record)
    return _save(request, form, record)


@agent_required()
@require_POST
def remove_mailbox(request: DeskRequest, mailbox_id: int) -> HttpResponse:
    """Stop reading a mailbox; the mail stored from it stays."""
    _require_administrator(request)
    record = get_object_or_404(Mailbox, pk=mailbox_id)
    imap.remove_mailbox(record)
    messages.success(request, gettext("Mailbox %(name)s removed; the mail it brought stays.")
                     % {"name": record.name})  # fmt: skip
    return redirect("desk:mailboxes")

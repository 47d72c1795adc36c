"""Portal forms: they check the *shape* of what a requester sends, nothing more.

Every rule (text required, length limits, file types and sizes, who may do what) lives
in the ticket services, so the portal, the desk, e-mail and the API refuse the same
things with the same words. That is why text fields are `required=False` here: the
service gives the message. The browser still gets `required`/`maxlength` hints.

Fields a requester may not set (priority, impact, urgency, assignee, requester, status,
channel) are simply absent: a forged POST carrying them is ignored.
"""

from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy, ngettext

from scotty.accounts.selectors import units_for_requests
from scotty.catalog.models import RequestType, Service
from scotty.core.errors import DomainError, InvalidInput
from scotty.core.forms import FilesField, OnceField
from scotty.knowledge.services import MAX_COMMENT
from scotty.tickets.services.attachments import ALLOWED_TYPES
from scotty.tickets.services.validation import MAX_BODY, MAX_TITLE

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _text(
    label: "StrOrPromise", max_length: int, *, rows: int | None = None, **attrs: Any
) -> forms.Field:
    # Hints for the browser only; the service is the one that refuses.
    attrs = {"required": True, "maxlength": max_length, **attrs}
    widget = forms.Textarea({"rows": rows, **attrs}) if rows else forms.TextInput(attrs)
    return forms.CharField(label=label, required=False, strip=False, widget=widget)


class _WithFiles(forms.Form):
    """A form with an `attachments` field that tells people the limits up front."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["attachments"]
        count = settings.SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE
        size = filesizeformat(settings.SCOTTY_MAX_ATTACHMENT_BYTES)
        field.help_text = ngettext(
            "Up to %(count)d file of at most %(size)s: pictures, PDFs, office documents, "
            "text files.",
            "Up to %(count)d files of at most %(size)s each: pictures, PDFs, office documents, "
            "text files.",
            count,
        ) % {"count": count, "size": size}
        field.widget.attrs["accept"] = ",".join(sorted(ALLOWED_TYPES))


class NewRequestForm(_WithFiles):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Which team can help?"),
        queryset=units_for_requests(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose the team that should help you."),
            "invalid_choice": gettext_lazy("Choose a team from the list."),
        },
    )
    title = _text(gettext_lazy("What do you need help with?"), MAX_TITLE, autocomplete="off")
    description = _text(gettext_lazy("Tell us more"), MAX_BODY, rows=8)
    attachments = FilesField(label=gettext_lazy("Screenshots or files (optional)"))
    # Picked from the catalog: its unit receives the request (whether the requester
    # may ask for it is the ticket service's to say).
    service = forms.ModelChoiceField(
        queryset=Service.objects.all(), required=False, widget=forms.HiddenInput,
        error_messages={"invalid_choice": gettext_lazy("This service is not offered to you.")},
    )  # fmt: skip
    # How they ask for it ("something is broken", "I need something"), with its form.
    request_type = forms.ModelChoiceField(
        queryset=RequestType.objects.select_related("service"), required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": gettext_lazy("Choose how to ask from the list.")},
    )  # fmt: skip
    once = OnceField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.data.get("service") or self.initial.get("service"):
            self.fields["unit"].required = False  # the service names it
        if self.data.get("request_type") or self.initial.get("request_type"):
            # The form's answers say what is needed; more words are welcome, not required.
            self.fields["description"].widget.attrs.pop("required", None)
            self.fields["description"].label = gettext_lazy("Anything else we should know?")
        # The front line takes anything; people who do not know where to go start there.
        if not self.is_bound:
            front = units_for_requests().filter(is_front_line=True).first()
            self.initial.setdefault("unit", front.pk if front else None)


class ReplyForm(_WithFiles):
    body = _text(gettext_lazy("Your reply"), MAX_BODY, rows=5)
    attachments = FilesField(label=gettext_lazy("Add files (optional)"))
    once = OnceField()


class RejectForm(forms.Form):
    reason = _text(gettext_lazy("What is still wrong?"), MAX_BODY, rows=3)
    once = OnceField()


def show_error(form: forms.Form | None, error: DomainError) -> str | None:
    """Put a service's message next to the field it names; return it if no field fits.

    The returned message is shown at the top of the page instead.
    """
    field = error.field if isinstance(error, InvalidInput) else None
    if form is not None and field in form.fields:
        form.add_error(field, error.message)
        return None
    if form is not None and form.is_bound:
        form.add_error(None, error.message)
        return None
    return error.message


class FeedbackForm(forms.Form):
    """Did this help? Yes or no, and (after a no) what was missing."""

    helpful = forms.ChoiceField(
        choices=[("yes", "yes"), ("no", "no")],
        widget=forms.HiddenInput,
        error_messages={
            "required": gettext_lazy("Choose yes or no."),
            "invalid_choice": gettext_lazy("Choose yes or no."),
        },
    )
    # The length is the service's to refuse (with its words); the browser gets a hint.
    comment = _text(gettext_lazy("What were you looking for? (optional)"), MAX_COMMENT, rows=3,
                    required=False)  # fmt: skip


class SolvedForm(forms.Form):
    """This solved my problem: from an article suggested on the new-request form."""

    typed = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)
    service = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    once = OnceField()

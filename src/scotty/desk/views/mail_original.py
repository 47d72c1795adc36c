"""The e-mail as sent: the HTML of a conversation entry (or of a ticket's description)
that came by e-mail, read again from the stored message, for agents who work the ticket.

Three URLs under the ticket's:
- `mail_original`: the frame and what the page says about it (remote images blocked,
  and the button that shows them); for htmx, the fragment the timeline swaps in;
- `mail_original_html`: the frame's document, the mail's HTML as nh3 left it
  (`mail.inbound.html`), in an `<iframe sandbox>` with no scripts and an opaque origin,
  under a policy of its own: nothing loads but images from Scotty (the mail's inline
  images, `cid:`) and `data:`, and remote images only for `?images=remote`, which an
  agent asks for with a button: a remote image tells its sender the mail was read;
- `mail_original_image`: one image part of the message (raster images only).
Anyone else gets 404, as for the ticket; a message of another ticket too.

The frame's document has an opaque origin, so the browser sends no SameSite cookie
with the image requests it makes: the session does not reach the image URL from the
frame. Each image address in the document carries a key instead (`image_key`): signed,
for that agent and that one image, good for IMAGE_KEY_SECONDS (the frame asks for its
images as it loads); the image view checks the ticket access of the agent it names
exactly as for a signed-in request.
"""

from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.csp import CSP
from django.utils.html import escape
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

from scotty.accounts.models import Person
from scotty.desk.access import DeskRequest, agent_access, agent_required
from scotty.mail.inbound.parsed import ParsedMail
from scotty.mail.models import InboundMessage
from scotty.mail.selectors import original_of, read_original, shown_image, with_image_addresses
from scotty.tickets.models import Ticket

REMOTE = "remote"  # ?images=remote: the agent asked to see remote images

# The frame's document: no script, style, font, frame, form or plugin from anywhere;
# images from Scotty (its inline images) and data: only. `sandbox` keeps it without
# scripts and with an opaque origin even when opened on its own; its links open in a
# new tab (`<base target>`), outside the sandbox.
Policy = dict[str, list[str] | str]
DOCUMENT_POLICY: Policy = {
    "default-src": [CSP.NONE],
    "img-src": [CSP.SELF, "data:"],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.NONE],
    "frame-ancestors": [CSP.SELF],
    "sandbox": ["allow-popups", "allow-popups-to-escape-sandbox"],
}
# ... and, asked for, remote images too: for that response only.
REMOTE_IMAGES_POLICY: Policy = {
    **DOCUMENT_POLICY,
    "img-src": [CSP.SELF, "data:", "https:", "http:"],
}
# An image part: an image, never a document.
IMAGE_POLICY: Policy = {"default-src": [CSP.NONE], "sandbox": ""}
IMAGE_KEY_SECONDS = 10 * 60
_IMAGE_KEYS = signing.TimestampSigner(salt="scotty.desk.mail_original_image")


def _original(
    request: DeskRequest, reference: str, inbound_id: int
) -> tuple[Ticket, InboundMessage]:
    access = agent_access(request, reference, joined=False)
    inbound = original_of(access.ticket, inbound_id)
    if inbound is None:
        raise Http404(gettext("No such e-mail on this ticket."))
    return access.ticket, inbound


def _read(inbound: InboundMessage, *, remote_images: bool = False) -> ParsedMail:
    mail = read_original(inbound, remote_images=remote_images)
    if mail is None:  # it was read once, when it arrived; a parser changed since?
        raise Http404(gettext("This e-mail cannot be read."))
    return mail


@agent_required()
@require_safe
def mail_original(request: DeskRequest, reference: str, inbound_id: int) -> HttpResponse:
    """The frame with the e-mail's HTML, and how many remote images were blocked: a
    page of its own, or (htmx) the fragment that replaces the entry's button."""
    ticket, inbound = _original(request, reference, inbound_id)
    document = reverse("desk:mail_original_html", args=[ticket.reference, inbound.pk])
    here = reverse("desk:mail_original", args=[ticket.reference, inbound.pk])
    if request.htmx and request.GET.get("shown") == "no":
        # The button again, not kept (hx-preserve) over the frame it replaces.
        context = {"ticket": ticket, "original": inbound.pk, "unkept": True}
        return render(request, "desk/_mail_original.html#button", context)
    mail = _read(inbound)  # its remote images blocked: counted, not shown
    remote = request.GET.get("images") == REMOTE and mail.remote_images > 0
    context = {
        "ticket": ticket,
        "inbound": inbound,
        "subject": mail.subject or inbound.subject,
        "has_html": bool(mail.html),
        "document": f"{document}?images={REMOTE}" if remote else document,
        "remote_images": mail.remote_images,
        "remote_shown": remote,
        "here": here,
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "desk/_mail_original.html#original", context)
    return render(request, "desk/mail_original.html", context)


@agent_required()
@require_safe
@xframe_options_sameorigin
def mail_original_html(request: DeskRequest, reference: str, inbound_id: int) -> HttpResponse:
    """The e-mail's HTML as its own small document (see DOCUMENT_POLICY)."""
    ticket, inbound = _original(request, reference, inbound_id)
    if request.GET.get("images") == REMOTE:
        return _with_remote_images(request, ticket, inbound)
    return _without_remote_images(request, ticket, inbound)


@csp_override(DOCUMENT_POLICY)
def _without_remote_images(
    request: DeskRequest, ticket: Ticket, inbound: InboundMessage
) -> HttpResponse:
    return _document(request, ticket, inbound, _read(inbound))


@csp_override(REMOTE_IMAGES_POLICY)
def _with_remote_images(
    request: DeskRequest, ticket: Ticket, inbound: InboundMessage
) -> HttpResponse:
    return _document(request, ticket, inbound, _read(inbound, remote_images=True))


def image_key(person: Person, inbound_id: int, index: int) -> str:
    """The key that lets `person`'s browser fetch that one image without its cookie;
    a new password (a new session auth hash) ends it too."""
    return _IMAGE_KEYS.sign(f"{person.pk}.{inbound_id}.{index}.{_auth_mark(person)}")


def _auth_mark(person: Person) -> str:
    return person.get_session_auth_hash()[:16]


def _key_holder(request: HttpRequest, inbound_id: int, index: int) -> Person | None:
    """The agent an image key was made for, if it is good for this image, still fresh
    and theirs; None otherwise."""
    try:
        value = _IMAGE_KEYS.unsign(request.GET.get("key", ""), max_age=IMAGE_KEY_SECONDS)
        person_id, inbound, part, mark = value.split(".")
    except (signing.BadSignature, ValueError):
        return None
    if (inbound, part) != (str(inbound_id), str(index)):
        return None
    person = Person.objects.filter(pk=person_id, is_active=True).first()
    return person if person is not None and _auth_mark(person) == mark else None


def _document(
    request: DeskRequest, ticket: Ticket, inbound: InboundMessage, mail: ParsedMail
) -> HttpResponse:
    def address(index: int) -> str:
        url = reverse("desk:mail_original_image", args=[ticket.reference, inbound.pk, index])
        return f"{url}?{urlencode({'key': image_key(request.user, inbound.pk, index)})}"

    # Built here, not by a template: the HTML is nh3's (the one place Scotty emits HTML
    # from what others wrote), and templates never turn escaping off.
    body = with_image_addresses(mail, address)
    title = escape(mail.subject or inbound.subject)
    document = (
        '<!doctype html>\n<html><head><meta charset="utf-8">'
        f'<base target="_blank"><title>{title}</title></head>\n<body>{body}</body></html>\n'
    )
    return HttpResponse(document, content_type="text/html; charset=utf-8")


@require_safe
@csp_override(IMAGE_POLICY)
def mail_original_image(
    request: HttpRequest, reference: str, inbound_id: int, index: int
) -> HttpResponse:
    """One image part of the message, for a signed-in agent of the ticket or the frame
    of one (its key, see the module): its declared type only if it is a raster image,
    never sniffed, shown inline."""
    if not request.user.is_authenticated:
        holder = _key_holder(request, inbound_id, index)
        if holder is None:
            return redirect_to_login(request.get_full_path())
        request.user = holder  # checked below exactly as a signed-in agent is
    return _image(request, reference, inbound_id, index)


@agent_required()
def _image(request: DeskRequest, reference: str, inbound_id: int, index: int) -> HttpResponse:
    _, inbound = _original(request, reference, inbound_id)
    part = shown_image(_read(inbound), index)
    if part is None:
        raise Http404(gettext("No such image in this e-mail."))
    response = HttpResponse(part.data, content_type=part.content_type.lower())
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = content_disposition_header(False, part.filename) or "inline"
    response["Cache-Control"] = "private, no-store"
    return response

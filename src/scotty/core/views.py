"""Error pages Scotty draws itself, in words a person can act on."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.views.defaults import bad_request as django_bad_request
from django_htmx.http import HttpResponseClientRedirect


def _too_much(exception: Exception) -> str | None:
    """What was over which limit, in words; None for other bad requests."""
    if isinstance(exception, TooManyFilesSent):
        accepted = settings.SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE
        return ngettext(
            "Your form sent more than %(sent)s files; at most %(count)d file per message "
            "is accepted.",
            "Your form sent more than %(sent)s files; at most %(count)d files per message "
            "are accepted.",
            accepted,
        ) % {"sent": number_format(settings.DATA_UPLOAD_MAX_NUMBER_FILES), "count": accepted}
    if isinstance(exception, TooManyFieldsSent):
        fields = number_format(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS, force_grouping=True)
        return gettext("Your form sent more than %(count)s fields.") % {"count": fields}
    if isinstance(exception, RequestDataTooBig):
        limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return gettext("Your form sent more than %(limit)s of text, the limit for one form.") % {
            "limit": limit
        }
    return None


def _back_to(request: HttpRequest) -> str | None:
    """The page the person sent the form from, if it is one of ours."""
    for header in ("HX-Current-URL", "Referer"):
        url = request.headers.get(header, "")
        if url and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return url
    return None


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's limits on fields, files and text end here instead of a bare "Bad Request
    (400)": the person goes back to their form with the limit in words (nothing was
    saved: the body was never read into a form). Other bad requests keep Django's page."""
    problem = _too_much(exception)
    if problem is None:
        return django_bad_request(request, exception)
    text = gettext("Nothing was saved. %(problem)s Please try again with less.") % {
        "problem": problem
    }
    back = _back_to(request)
    if back is not None and hasattr(request, "_messages"):
        messages.error(request, text)
        if request.headers.get("HX-Request") == "true":
            return HttpResponseClientRedirect(back)
        return redirect(back)
    return render(request, "too_much.html", {"problem": text, "back": back}, status=400)

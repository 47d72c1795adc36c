"""Writing an article at the desk: a new one (of one of the agent's units; from a
resolved ticket, its problem and solution prefilled), an edit (optimistic: the version
the agent opened travels with the form, and a colleague's save in between is said, the
agent's words kept), the live preview, and its files.

Only agents of the owning unit edit (`knowledge.services` refuses anyone else, and the
page says why); the words are saved through `create_article` / `edit_article` only.
"""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from scotty.accounts.models import SupportUnit
from scotty.accounts.selectors import units_of
from scotty.core.errors import Conflict, DomainError
from scotty.core.forms import error_on_field
from scotty.core.http import status_for
from scotty.desk.access import DeskRequest, agent_access, agent_required
from scotty.desk.knowledge_forms import ArticleForm, FileForm, initial_from, initial_from_text
from scotty.desk.refusals import nothing_changed
from scotty.desk.views.knowledge import article_page, article_url, desk_article, file_url
from scotty.knowledge import reading, services
from scotty.knowledge.markdown import FILE_SCHEME, SanitisedHtml
from scotty.knowledge.models import Article
from scotty.knowledge.selectors import may_edit
from scotty.tickets.models import Ticket
from scotty.tickets.states import Status

# Tickets whose solution is known, and so may become an article.
SOLVED = frozenset({Status.RESOLVED, Status.CLOSED})


def _preview(request: DeskRequest, body: str, article: Article | None) -> SanitisedHtml:
    """The words as the article will read them, links and images resolved for this
    agent (a new article has no files yet)."""
    return reading.body_html(body, request.user, as_agent=True, article=article,
                             article_url=article_url, file_url=file_url)  # fmt: skip


def _editor(request: DeskRequest, form: ArticleForm, article: Article | None, *,
            problem: str = "", status: int = 200, **extra: Any) -> HttpResponse:  # fmt: skip
    body = str(form["body"].value() or "")
    context = {
        "form": form, "article": article, "problem": problem, "active": "knowledge",
        "preview": _preview(request, body, article) if body.strip() else "",
        "files": list(article.files.order_by("filename")) if article else [],
        "file_form": FileForm(auto_id="file-%s"), "file_scheme": FILE_SCHEME, **extra,
    }  # fmt: skip
    return render(request, "desk/knowledge/editor.html", context, status=status)


def _solved_ticket(request: DeskRequest, reference: str) -> Ticket | None:
    """The ticket an article is written from: one the agent works, with its solution."""
    if not reference:
        return None
    ticket = agent_access(request, reference, joined=False).ticket
    if ticket.status not in SOLVED:
        raise Http404(gettext("Only a resolved ticket can become an article."))
    return ticket


def _my_units(request: DeskRequest, ticket: Ticket | None) -> list[SupportUnit]:
    units = list(units_of(request.user).order_by("name"))
    if ticket is not None:  # the ticket's unit first: its article, most likely
        units.sort(key=lambda u: u.pk != ticket.owning_unit_id)
    return units


@agent_required()
def article_new(request: DeskRequest) -> HttpResponse:
    """A new draft (GET: the empty editor, or one prefilled from `?ticket=IT-1042`)."""
    data = request.POST if request.method == "POST" else None
    reference = data.get("from_ticket", "") if data is not None else request.GET.get("ticket", "")
    ticket = _solved_ticket(request, reference)
    units = _my_units(request, ticket)
    if data is None:
        initial = initial_from_text(services.draft_from_ticket(ticket)) if ticket else {}
        if ticket is not None:
            initial["from_ticket"] = ticket.reference
        form = ArticleForm(initial=initial, person=request.user, units=units)
        return _editor(request, form, None, ticket=ticket)
    form = ArticleForm(data, person=request.user, units=units)
    if "preview" in data or not form.is_valid():
        problem = "" if "preview" in data else nothing_changed(_first_error(form))
        return _editor(request, form, None, problem=problem, status=200 if not problem else 400,
                       ticket=ticket)  # fmt: skip
    try:
        made = services.create_article(form.cleaned_data["unit"], form.text(), actor=request.user,
                                       from_ticket=ticket)  # fmt: skip
    except DomainError as error:
        error_on_field(form, error)
        return _editor(request, form, None, problem=nothing_changed(error.message),
                       status=status_for(error), ticket=ticket)  # fmt: skip
    messages.success(request, gettext("Draft “%(title)s” saved.") % {"title": made.title})
    return redirect("desk:article", slug=made.slug)


@agent_required()
def article_edit(request: DeskRequest, slug: str) -> HttpResponse:
    """The article's words, whom it is for and what it links to, saved as a new version."""
    found = desk_article(request, slug)
    if not may_edit(request.user, found):
        message = gettext("Only agents of %(unit)s edit its articles.") % {"unit": found.unit}
        return article_page(request, found, problem=message, status=403)
    if request.method != "POST":
        form = ArticleForm(initial=initial_from(found), person=request.user, article=found)
        return _editor(request, form, found)
    form = ArticleForm(request.POST, person=request.user, article=found)
    if "preview" in request.POST or not form.is_valid():
        problem = "" if "preview" in request.POST else nothing_changed(_first_error(form))
        return _editor(request, form, found, problem=problem, status=400 if problem else 200)
    try:
        expected = form.cleaned_data["expected_version"] or 0
        saved = services.edit_article(found, form.text(), actor=request.user,
                                      expected_version=expected)  # fmt: skip
    except Conflict as conflict:
        return _conflict(request, found, conflict)
    except DomainError as error:
        error_on_field(form, error)
        return _editor(request, form, found, problem=nothing_changed(error.message),
                       status=status_for(error))  # fmt: skip
    messages.success(request, gettext("“%(title)s” saved (version %(number)d).")
                     % {"title": saved.title, "number": saved.version})  # fmt: skip
    return redirect("desk:article", slug=saved.slug)


def _conflict(request: DeskRequest, article: Article, conflict: Conflict) -> HttpResponse:
    """A colleague saved since the agent opened the editor: their words stay in the form,
    now over the colleague's version, so saving again is a deliberate choice to replace
    it; the page says who saved what, and links the difference."""
    article.refresh_from_db()
    again = request.POST.copy()
    again["expected_version"] = str(article.version)
    form = ArticleForm(again, person=request.user, article=article)
    latest = article.versions.select_related("author").order_by("-number").first()
    return _editor(request, form, article, problem=conflict.message, status=409, latest=latest)


def _first_error(form: ArticleForm) -> str:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        if label:
            return gettext("%(field)s: %(error)s") % {"field": label, "error": errors[0]}
        return str(errors[0])
    return ""


@agent_required()
@require_POST
def article_preview(request: DeskRequest) -> HttpResponse:
    """The editor's live preview (htmx): the Markdown typed so far, as it will read."""
    slug = request.POST.get("slug", "")
    article = desk_article(request, slug) if slug else None
    body = request.POST.get("body", "")[: services.MAX_BODY]
    html = _preview(request, body, article) if body.strip() else ""
    return render(request, "desk/knowledge/editor.html#preview", {"preview": html})


@agent_required()
@require_POST
def article_attach(request: DeskRequest, slug: str) -> HttpResponse:
    """An image or document for the article (the core's file rules), then back to the
    editor, where the line that shows it is given."""
    found = desk_article(request, slug)
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, nothing_changed(gettext("Choose a file to upload.")))
        return redirect("desk:article_edit", slug=found.slug)
    try:
        stored = services.attach_file(found, form.cleaned_data["file"], actor=request.user)
    except DomainError as error:
        status_for(error)  # a NotFound is the 404 page
        messages.error(request, nothing_changed(error.message))
        return redirect("desk:article_edit", slug=found.slug)
    messages.success(request, gettext("%(name)s added: show it with ![words](attachment:%(name)s).")
                     % {"name": stored.filename})  # fmt: skip
    return redirect("desk:article_edit", slug=found.slug)

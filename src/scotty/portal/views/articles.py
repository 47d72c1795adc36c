"""Help articles in the portal: an article as its reader may read it, "did this help?",
"this solved my problem" (a request not filed), and the suggestions the new-request form
asks for while the person types its title.

An article the reader may not read (a draft, an archived one, an agents-only how-to,
another department's) is a 404 exactly like a slug that does not exist: the one
visibility rule (`knowledge.selectors.readable_articles`) decides, here as in the search,
the suggestions and the files.

The page runs a fixed number of queries (article and unit, the view count, the body's
links and images, services, related articles, files, the reader's answer), however long
the article.
"""

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from scotty.catalog.selectors import offered_to
from scotty.core.errors import DomainError
from scotty.core.http import status_for
from scotty.core.once import new_token, once
from scotty.knowledge import reading, services
from scotty.knowledge.models import Article, ArticleFeedback
from scotty.knowledge.selectors import readable_articles
from scotty.portal.forms import FeedbackForm, SolvedForm, show_error
from scotty.portal.views.article_files import shown_inline
from scotty.portal.views.common import number, person_of
from scotty.search.articles import search_articles

SUGGESTED = 5  # a few, under the title: more would push the form off the screen
# Fewer letters than this are no question yet (and every article holds them).
SUGGEST_FROM = 3


def _load(request: HttpRequest, slug: str) -> Article:
    article = readable_articles(person_of(request)).select_related("unit").filter(slug=slug)
    found = article.first()
    if found is None:
        raise Http404(gettext("There is no such article."))
    return found


def _came_from_new(data: QueryDict) -> dict[str, Any] | None:
    """What the new-request form passed along (?from=new&typed=&service=&type=): what
    they had typed, to file it after all ("No, I still need help") or not."""
    if data.get("from") != "new":
        return None
    typed = " ".join(data.get("typed", "").split())[:200]
    service, kind = number(data.get("service", "")), data.get("type", "")[:30]
    back = {"service": service or "", "type": kind if service and kind.isidentifier() else "",
            "title": typed}  # fmt: skip
    return {
        "typed": typed,
        "service": service or "",
        "type": back["type"],
        "back": reverse("portal:new") + "?" + urlencode({k: v for k, v in back.items() if v}),
    }


def _answer(article: Article, request: HttpRequest) -> ArticleFeedback | None:
    return reading.feedback_of(article, person_of(request))


def render_article(
    request: HttpRequest,
    article: Article,
    *,
    status: int = 200,
    feedback_form: FeedbackForm | None = None,
    error: str | None = None,
    after: str = "",
    passed: QueryDict | None = None,
) -> HttpResponse:
    """The article page; the POST views draw it again with their form and the error."""
    person = person_of(request)
    body = reading.article_html(
        article, person, as_agent=False,
        article_url=lambda slug: reverse("portal:article", args=[slug]),
        file_url=lambda f: reverse("portal:article_file", args=[article.slug, f.pk]),
    )  # fmt: skip
    answer = _answer(article, request)
    if feedback_form is None:
        feedback_form = FeedbackForm(initial={"comment": answer.comment if answer else ""})
    came_from_new = _came_from_new(passed if passed is not None else request.GET)
    context = {
        "article": article,
        "body": body,
        "services": list(offered_to(person).filter(articles=article).order_by("name")),
        "related": reading.related_articles(article, person, as_agent=False),
        "files": [f for f in article.files.order_by("filename") if not shown_inline(f)],
        "answer": answer,
        "ask_comment": (answer is not None and not answer.helpful)
        or "comment" in feedback_form.errors,
        "feedback_form": feedback_form,
        "from_new": None if after == "solved" else came_from_new,
        "once": new_token(),
        "solved": after == "solved",
        "error": error,
    }
    return render(request, "portal/article.html", context, status=status)


@login_required
@require_GET
def article_page(request: HttpRequest, slug: str) -> HttpResponse:
    article = _load(request, slug)
    # Drawn again after the reader answered (?after=): they opened it once already.
    after = request.GET.get("after", "")
    if after not in ("feedback", "solved"):
        services.count_view(article)
        after = ""
    return render_article(request, article, after=after)


def _again(article: Article, after: str, anchor: str = "") -> HttpResponse:
    return redirect(reverse("portal:article", args=[article.slug]) + f"?after={after}{anchor}")


@login_required
@require_POST
def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    """Did this help? Answered (or the answer changed, or a comment added to a no)."""
    article = _load(request, slug)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render_article(request, article, status=400, feedback_form=form)
    helpful = form.cleaned_data["helpful"] == "yes"
    try:
        services.give_feedback(article, reader=person_of(request), helpful=helpful,
                               comment=form.cleaned_data["comment"])  # fmt: skip
    except DomainError as error:
        message = show_error(form, error)
        return render_article(request, article, status=status_for(error), feedback_form=form,
                              error=message)  # fmt: skip
    return _again(article, "feedback", "#feedback")


@login_required
@require_POST
def solved(request: HttpRequest, slug: str) -> HttpResponse:
    """This solved my problem: the request they were writing is not filed, and the
    deflection is counted (once, however often the button is pressed)."""
    article = _load(request, slug)
    form = SolvedForm(request.POST)
    person = person_of(request)
    if not form.is_valid():
        message = gettext("This form is out of date: reload the page and try again.")
        return render_article(request, article, status=400, error=message, passed=request.POST)
    data = form.cleaned_data
    service = offered_to(person).filter(pk=data["service"]).first() if data["service"] else None

    def deflect() -> dict[str, int]:
        found = services.count_deflection(article, reader=person, typed=data["typed"],
                                          service=service)  # fmt: skip
        return {"deflection": found.pk}

    try:
        once(person.pk, data["once"], deflect)
    except DomainError as error:
        return render_article(request, article, status=status_for(error), error=error.message,
                              passed=request.POST)  # fmt: skip
    return _again(article, "solved")


@login_required
@require_GET
def suggest(request: HttpRequest) -> HttpResponse:
    """A few articles that may answer what the person is typing as a new request's title
    (a fragment for the new-request form; htmx sends the title as the form names it)."""
    text = (request.GET.get("q") or request.GET.get("title") or "")[:200]
    service = number(request.GET.get("service", ""))
    kind = request.GET.get("type", "")[:30]
    items: list[dict[str, Any]] = []
    if len(text.strip()) >= SUGGEST_FROM:
        found = search_articles(person_of(request), text, as_agent=False, limit=SUGGESTED,
                                service_id=service or None)  # fmt: skip
        passed = {"from": "new", "typed": " ".join(text.split()), "service": service or "",
                  "type": kind if service and kind.isidentifier() else ""}  # fmt: skip
        query = urlencode({k: v for k, v in passed.items() if v})
        items = [
            {"result": r, "url": reverse("portal:article", args=[r.reference]) + "?" + query}
            for r in found.items
        ]
    return render(request, "portal/suggestions.html", {"items": items})

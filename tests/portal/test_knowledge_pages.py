"""Help articles in the portal: the article page, its files, "did this help?", "this
solved my problem", the new-request form's suggestions, the one search box and the
front door, each with who may see what (an article the reader may not read is a 404
exactly like one that does not exist)."""

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from scotty.accounts.models import Person
from scotty.catalog.models import Service
from scotty.core.testing import Org, file_ticket, upload
from scotty.knowledge.models import (
    Article,
    ArticleFeedback,
    ArticleFile,
    ArticleState,
    Audience,
    Deflection,
    SearchMiss,
)
from scotty.knowledge.services import ArticleText, attach_file, create_article, move_article
from scotty.tickets.models import Ticket
from tests.knowledge.helpers import published

pytestmark = pytest.mark.django_db

ClientFor = Callable[[Person], Client]
PDF = b"%PDF-1.4\n% a guide\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
HOSTILE = """Read this first.

<script>window.__pwned = 1</script>

<img src=x onerror="window.__pwned = 2">

[Click me](javascript:window.__pwned=3) and [data](data:text/html;base64,PHNjcmlwdD4=)

![remote](https://evil.example/track.png)
"""


def page(name: str, *args: object) -> str:
    return reverse(f"portal:{name}", args=args)


@pytest.fixture
def vpn_service(org: Org) -> Service:
    return Service.objects.create(unit=org.it, name="VPN access", summary="Working from home.")


@pytest.fixture
def articles(org: Org, vpn_service: Service) -> dict[str, Article]:
    """The VPN article everyone may read (a service, a related article, files) beside
    articles a requester may not read for each reason."""
    related = published(org, "Working from home checklist", "Laptop, charger, VPN.")
    body = ("Update the client. See [the checklist](article:working-from-home-checklist).\n\n"
            "![diagram](attachment:diagram.png)")  # fmt: skip
    vpn = published(
        org, "VPN keeps disconnecting", body,
        summary="When the VPN drops every few minutes.", keywords=["vpn", "disconnect"],
        services=[vpn_service], related=[related],
    )  # fmt: skip
    finance = published(org, "Finance month end", "Close the books.", audience=Audience.SOME,
                        departments=[org.finance])  # fmt: skip
    agents = published(org, "Resetting a VPN token", "Desk only.", audience=Audience.AGENTS)
    draft = create_article(org.it, ArticleText(title="VPN draft"), actor=org.agent)
    archived = published(org, "Old VPN client")
    archived = move_article(archived, ArticleState.ARCHIVED, actor=org.admin,
                            expected_version=archived.version)  # fmt: skip
    made = {"vpn": vpn, "related": related, "finance": finance, "agents": agents,
            "draft": draft, "archived": archived}  # fmt: skip
    for key in ("vpn", "finance", "agents", "draft"):
        attach_file(made[key], upload("guide.pdf", PDF), actor=org.agent)
    attach_file(vpn, upload("diagram.png", PNG), actor=org.agent)
    return made


def file_of(article: Article, name: str = "guide.pdf") -> ArticleFile:
    return article.files.get(filename=name)


def fresh(article: Article) -> Article:
    return Article.objects.get(pk=article.pk)


# --- who may open what ------------------------------------------------------------------


def _urls(article: Article) -> dict[str, tuple[str, str]]:
    """Every new address of an article: (method, url)."""
    return {
        "article": ("get", page("article", article.slug)),
        "feedback": ("post", page("article_feedback", article.slug)),
        "solved": ("post", page("article_solved", article.slug)),
    }


@pytest.mark.parametrize("name", ["article", "feedback", "solved", "file", "suggest"])
def test_signed_out_people_are_sent_to_sign_in(
    client: Client, articles: dict[str, Article], name: str
) -> None:
    vpn = articles["vpn"]
    method, url = {
        **_urls(vpn),
        "file": ("get", page("article_file", vpn.slug, file_of(vpn).pk)),
        "suggest": ("get", page("suggest") + "?q=vpn"),
    }[name]
    response = getattr(client, method)(url, {"helpful": "yes"} if method == "post" else None)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert not ArticleFeedback.objects.exists() and not Deflection.objects.exists()


@pytest.mark.parametrize(
    ("who", "key"),
    [
        ("other_requester", "finance"),  # another department's
        ("requester", "agents"),  # the desk's how-to
        ("requester", "draft"),
        ("requester", "archived"),
        ("agent", "draft"),  # the portal is the reader's view, even for its writer
        ("agent", "agents"),
    ],
)
def test_an_article_the_reader_may_not_read_is_a_404_like_no_article(
    org: Org, client_for: ClientFor, articles: dict[str, Article], who: str, key: str
) -> None:
    c = client_for(getattr(org, who))
    article = articles[key]
    missing = c.get(page("article", "no-such-article"))
    assert missing.status_code == 404
    for method, url in _urls(article).values():
        response = getattr(c, method)(url, {"helpful": "yes"} if method == "post" else None)
        assert response.status_code == 404, url
        assert article.title not in response.text
    if article.files.exists():
        assert c.get(page("article_file", article.slug, file_of(article).pk)).status_code == 404
    assert fresh(article).views == 0
    assert not ArticleFeedback.objects.exists() and not Deflection.objects.exists()


def test_a_department_article_opens_for_that_department(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    finance = articles["finance"]
    response = client_for(org.colleague).get(page("article", finance.slug))
    assert response.status_code == 200 and "Close the books." in response.text
    pdf = file_of(finance)
    assert client_for(org.colleague).get(page("article_file", finance.slug, pdf.pk)).status_code
    assert fresh(finance).views == 1


def test_a_file_is_found_only_under_its_own_article(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    c = client_for(org.requester)
    vpn, related = articles["vpn"], articles["related"]
    pdf = file_of(vpn)
    assert c.get(page("article_file", vpn.slug, pdf.pk)).status_code == 200
    # The id of a readable file under another (readable) article's address.
    assert c.get(page("article_file", related.slug, pdf.pk)).status_code == 404
    # A file of an article she may not read, under an article she may.
    hidden = file_of(articles["finance"]).pk
    assert (
        client_for(org.other_requester).get(page("article_file", vpn.slug, hidden)).status_code
        == 404
    )
    assert c.get(page("article_file", vpn.slug, 999_999)).status_code == 404


def test_files_are_served_safely(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    c, vpn = client_for(org.requester), articles["vpn"]
    pdf = c.get(page("article_file", vpn.slug, file_of(vpn).pk))
    assert pdf["Content-Disposition"] == 'attachment; filename="guide.pdf"'
    assert pdf["Content-Type"] == "application/pdf"
    image = c.get(page("article_file", vpn.slug, file_of(vpn, "diagram.png").pk))
    assert image["Content-Disposition"] == 'inline; filename="diagram.png"'
    for response in (pdf, image):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
        assert "no-store" in response["Cache-Control"]
    # A text file that says it is HTML is still text, and a download.
    attach_file(vpn, upload('notes "x".txt', b"<script>alert(1)</script>"), actor=org.agent)
    notes = vpn.files.get(filename__startswith="notes")
    text = c.get(page("article_file", vpn.slug, notes.pk))
    assert text["Content-Type"].startswith("text/plain")
    assert text["Content-Disposition"].startswith("attachment;")
    assert '"x"' not in text["Content-Disposition"]
    # A name beyond Latin-1 is encoded, never written raw into the header.
    attach_file(vpn, upload("Überblick.pdf", PDF), actor=org.agent)
    named = c.get(page("article_file", vpn.slug, vpn.files.get(filename="Überblick.pdf").pk))
    assert named["Content-Disposition"] == "attachment; filename*=utf-8''%C3%9Cberblick.pdf"


# --- the article page ---------------------------------------------------------------------


def test_the_article_page_shows_what_a_reader_needs(
    org: Org, client_for: ClientFor, articles: dict[str, Article], vpn_service: Service
) -> None:
    vpn = articles["vpn"]
    html = client_for(org.requester).get(page("article", vpn.slug)).text
    assert "<h1" in html and "VPN keeps disconnecting</h1>" in html
    assert "When the VPN drops every few minutes." in html
    assert "Update the client." in html and "From IT Service Desk" in html
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT[^"]+">', html)
    image = page("article_file", vpn.slug, file_of(vpn, "diagram.png").pk)
    assert f'<img src="{image}" alt="diagram">' in html  # inline, not listed
    assert html.count(image) == 1
    assert page("article_file", vpn.slug, file_of(vpn).pk) in html  # the PDF, listed
    assert f'href="{reverse("portal:new")}?service={vpn_service.pk}"' in html
    assert page("article", articles["related"].slug) in html
    assert "Did this help?" in html
    assert fresh(vpn).views == 1


def test_related_articles_and_links_the_reader_may_not_read_are_left_out(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    finance = articles["finance"]
    article = published(org, "Expenses", f"See [month end](article:{finance.slug}).",
                        related=[finance])  # fmt: skip
    mine = client_for(org.colleague).get(page("article", article.slug)).text
    theirs = client_for(org.other_requester).get(page("article", article.slug)).text
    assert page("article", finance.slug) in mine
    assert page("article", finance.slug) not in theirs and "Finance month end" not in theirs
    assert "month end" in theirs  # the link's words stay


def test_a_service_the_reader_may_not_ask_for_is_not_linked(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    sales_only = Service.objects.create(unit=org.it, name="Sales CRM access", summary="CRM.")
    sales_only.departments.set([org.sales])
    article = published(org, "CRM login", "Use SSO.", services=[sales_only])
    assert (
        "Sales CRM access" not in client_for(org.requester).get(page("article", article.slug)).text
    )
    assert (
        "Sales CRM access"
        in client_for(org.other_requester).get(page("article", article.slug)).text
    )


def test_hostile_article_content_never_reaches_the_page_unescaped(
    org: Org, client_for: ClientFor
) -> None:
    article = published(org, 'Title <img src=x onerror="alert(1)">', HOSTILE,
                        summary="<script>alert(2)</script>")  # fmt: skip
    html = client_for(org.requester).get(page("article", article.slug)).text
    body = html[html.index('class="article-body"') :]
    assert "<script>window" not in html and "<script>alert" not in html
    assert not re.search(r"<[^>]+\son\w+\s*=", html)  # no event handler on any tag
    assert not re.search(r'href="\s*(javascript|data):', body, re.I)  # (the favicon is data:)
    assert "Click me" in body  # the words stay, without the link
    assert 'src="https://evil.example' not in html  # no remote image: it would track readers
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in body  # shown as text
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html  # the summary, escaped
    assert "Title &lt;img" in html


@pytest.mark.parametrize("arrived", [False, True])
def test_the_article_page_runs_a_bounded_number_of_queries(
    org: Org,
    client_for: ClientFor,
    articles: dict[str, Article],
    django_assert_max_num_queries: Any,
    arrived: bool,
) -> None:
    vpn = articles["vpn"]
    for n in range(5):
        attach_file(vpn, upload(f"extra-{n}.pdf", PDF), actor=org.agent)
    c = client_for(org.requester)
    c.post(page("article_feedback", vpn.slug), {"helpful": "no", "comment": "More screenshots"})
    url = page("article", vpn.slug) + ("?from=new&typed=vpn&service=1" if arrived else "")
    # The person (the session is in the cache), the article with its unit, the view
    # count, the body's article links and its images, the reader's answer, services,
    # related articles, the list of files: however many files.
    with django_assert_max_num_queries(9):
        response = c.get(url)
    assert response.status_code == 200 and response.text.count("extra-") == 5


# --- did this help? -------------------------------------------------------------------------


def test_yes_no_a_comment_and_a_changed_answer_keep_honest_counts(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    vpn = articles["vpn"]
    c = client_for(org.requester)
    url = page("article_feedback", vpn.slug)

    said = c.post(url, {"helpful": "yes"})
    assert said.status_code == 302 and said["Location"].endswith("?after=feedback#feedback")
    shown = c.get(said["Location"]).text
    assert "Thank you. You said this helped." in shown
    assert "Change my answer: it did not help" in shown
    assert (fresh(vpn).helpful, fresh(vpn).unhelpful, fresh(vpn).views) == (1, 0, 0)

    c.post(url, {"helpful": "no"})
    shown = c.get(page("article", vpn.slug)).text
    assert "Thank you. You said this did not help." in shown
    assert "What were you looking for? (optional)" in shown  # asked for a comment now
    c.post(url, {"helpful": "no", "comment": "  It does not say which client version.  "})
    client_for(org.colleague).post(url, {"helpful": "yes"})
    vpn = fresh(vpn)
    assert (vpn.helpful, vpn.unhelpful) == (1, 1)
    mine = ArticleFeedback.objects.get(article=vpn, person=org.requester)
    assert mine.comment == "It does not say which client version." and not mine.helpful
    shown = c.get(page("article", vpn.slug)).text
    assert "It does not say which client version." in shown  # in the box, to change it

    c.post(url, {"helpful": "yes"})
    vpn = fresh(vpn)
    assert (vpn.helpful, vpn.unhelpful) == (2, 0)
    assert ArticleFeedback.objects.filter(article=vpn).count() == 2


def test_an_oversized_comment_is_refused_clearly_and_changes_nothing(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    vpn = articles["vpn"]
    c = client_for(org.requester)
    c.post(page("article_feedback", vpn.slug), {"helpful": "yes"})
    long = "word " * 500  # 2,500 characters
    refused = c.post(page("article_feedback", vpn.slug), {"helpful": "no", "comment": long})
    assert refused.status_code == 400
    assert "A comment may be at most 2,000 characters." in refused.text
    assert long.strip() in refused.text  # what they wrote is still in the box
    vpn = fresh(vpn)
    assert (vpn.helpful, vpn.unhelpful) == (1, 0)
    assert ArticleFeedback.objects.get(article=vpn).helpful


def test_a_made_up_answer_is_refused(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    vpn = articles["vpn"]
    refused = client_for(org.requester).post(
        page("article_feedback", vpn.slug), {"helpful": "maybe"}
    )
    assert refused.status_code == 400 and "Choose yes or no." in refused.text
    assert not ArticleFeedback.objects.exists()


@pytest.mark.parametrize("name", ["article_feedback", "article_solved"])
def test_posts_need_the_csrf_token(org: Org, articles: dict[str, Article], name: str) -> None:
    c = Client(enforce_csrf_checks=True)
    c.force_login(org.requester)
    response = c.post(page(name, articles["vpn"].slug), {"helpful": "yes"})
    assert response.status_code == 403
    assert not ArticleFeedback.objects.exists() and not Deflection.objects.exists()
    html = c.get(page("article", articles["vpn"].slug) + "?from=new&typed=x").text
    assert html.count('name="csrfmiddlewaretoken"') >= 3  # yes/no, solved, sign out


def test_only_the_readers_own_answer_is_shown(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    vpn = articles["vpn"]
    remark = {"helpful": "no", "comment": "Cora's secret remark"}
    client_for(org.colleague).post(page("article_feedback", vpn.slug), remark)
    html = client_for(org.requester).get(page("article", vpn.slug)).text
    assert "Cora's secret remark" not in html and "Cora&#x27;s" not in html
    assert "You said" not in html


# --- this solved my problem ----------------------------------------------------------------


def test_this_solved_my_problem_counts_a_deflection_and_files_nothing(
    org: Org, client_for: ClientFor, articles: dict[str, Article], vpn_service: Service
) -> None:
    vpn = articles["vpn"]
    c = client_for(org.requester)
    arrived = (
        page("article", vpn.slug) + f"?from=new&typed=vpn+keeps+dropping&service={vpn_service.pk}"
    )
    html = c.get(arrived).text
    assert (
        "This solved my problem" in html
        and "You were writing a request: “vpn keeps dropping”." in html
    )
    back = re.search(r'href="([^"]+)">No, I still need help', html)
    assert back is not None
    back_url = back.group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(back_url).query) == {"title": ["vpn keeps dropping"],
                                                  "service": [str(vpn_service.pk)]}  # fmt: skip
    assert 'value="vpn keeps dropping"' in c.get(back_url).text  # the form keeps what they typed

    token = re.search(r'name="once" value="([^"]+)"', html)
    assert token is not None
    form = {"once": token.group(1), "typed": "vpn keeps dropping", "service": vpn_service.pk}
    done = c.post(page("article_solved", vpn.slug), form)
    assert done.status_code == 302 and done["Location"].endswith("?after=solved")
    c.post(page("article_solved", vpn.slug), form)  # a double click: counted once
    shown = c.get(done["Location"]).text
    assert "Glad it helped. No request was filed." in shown
    assert f'href="{reverse("portal:home")}"' in shown and "This solved my problem" not in shown

    deflection = Deflection.objects.get()
    assert (deflection.article, deflection.person, deflection.service) == (vpn, org.requester,
                                                                           vpn_service)  # fmt: skip
    assert deflection.typed == "vpn keeps dropping"
    assert not Ticket.objects.exists()
    assert fresh(vpn).helpful == 1 and fresh(vpn).views == 1


def test_a_service_the_reader_may_not_ask_for_is_not_recorded_with_the_deflection(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    hidden = Service.objects.create(unit=org.it, name="Sales CRM", summary="CRM.")
    hidden.departments.set([org.sales])
    client_for(org.requester).post(page("article_solved", articles["vpn"].slug),
                                   {"typed": "crm", "service": hidden.pk})  # fmt: skip
    assert Deflection.objects.get().service is None


def test_the_solved_button_is_only_offered_when_coming_from_the_form(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    html = client_for(org.requester).get(page("article", articles["vpn"].slug)).text
    assert "This solved my problem" not in html


# --- suggestions while typing ---------------------------------------------------------------


def test_suggestions_are_readable_articles_at_most_five_escaped(
    org: Org, client_for: ClientFor, articles: dict[str, Article], vpn_service: Service
) -> None:
    for n in range(6):
        published(org, f"VPN tip {n} <b>bold</b>", "Restart the VPN client.")
    c = client_for(org.requester)
    fragment = c.get(page("suggest"), {"title": "vpn", "service": "", "type": ""},
                     headers={"HX-Request": "true"}).text  # fmt: skip
    links = re.findall(r'<a href="(/portal/help/[^"?]+)\?([^"]*)"', fragment)
    assert 1 <= len(links) <= 5
    slugs = {url.split("/")[3] for url, _ in links}
    assert not slugs & {articles[k].slug for k in ("agents", "draft", "archived", "finance")}
    assert "<b>" not in fragment and "&lt;b&gt;" in fragment  # the titles, escaped
    query = parse_qs(links[0][1].replace("&amp;", "&"))
    assert query == {"from": ["new"], "typed": ["vpn"]}
    assert "<html" not in fragment  # a fragment, not a page


def test_suggestions_for_a_service_link_back_with_it(
    org: Org, client_for: ClientFor, articles: dict[str, Article], vpn_service: Service
) -> None:
    fragment = (
        client_for(org.requester)
        .get(
            page("suggest"),
            {"q": "vpn disconnecting", "service": vpn_service.pk, "type": "incident"},
        )
        .text
    )
    links = re.findall(r'<a href="(/portal/help/[^"?]+)\?([^"]*)"', fragment)
    assert [url for url, _ in links] == [page("article", articles["vpn"].slug)]
    query = parse_qs(links[0][1].replace("&amp;", "&"))
    assert query == {"from": ["new"], "typed": ["vpn disconnecting"],
                     "service": [str(vpn_service.pk)], "type": ["incident"]}  # fmt: skip


def test_no_suggestions_for_a_word_or_two_letters(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    fragment = client_for(org.requester).get(page("suggest"), {"q": "vp"}).text
    assert "<a " not in fragment
    assert (
        "<a " not in client_for(org.other_requester).get(page("suggest"), {"q": "month end"}).text
    )


def test_the_new_request_form_asks_for_suggestions_as_the_title_is_typed(
    org: Org, client_for: ClientFor
) -> None:
    html = client_for(org.requester).get(reverse("portal:new")).text
    region = re.search(r'<div id="suggestions"[^>]*>', html)
    assert region is not None
    assert 'aria-live="polite"' in region.group(0)
    assert f'hx-get="{page("suggest")}"' in region.group(0)
    assert "from:#id_title" in region.group(0) and "delay:" in region.group(0)
    # Without JavaScript the form is unchanged: it posts to portal:new as before.
    assert f'action="{reverse("portal:new")}"' in html


# --- the one search box, and the front door ----------------------------------------------


def test_the_search_shows_articles_first_then_requests_each_labelled(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    ticket = file_ticket(org.requester, org.it, "VPN drops at home")
    html = client_for(org.requester).get(page("search"), {"q": "vpn"}).text
    assert html.index(articles["vpn"].slug) < html.index(ticket.reference)
    assert '<span class="badge kind">Article</span>' in html
    assert '<span class="badge kind">Request</span>' in html
    assert "<mark>VPN</mark>" in html  # the title, highlighted
    assert "From IT Service Desk" in html
    for key in ("agents", "draft", "archived"):
        assert articles[key].slug not in html


def test_the_search_says_which_word_it_searched_instead(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    # (A typo in the last word is not corrected: it is searched as a word being typed.)
    html = client_for(org.requester).get(page("search"), {"q": "disconecting client"}).text
    assert "Showing results for <strong>disconnect</strong>." in html
    assert articles["vpn"].slug in html


def test_a_search_no_article_answers_is_noted_for_the_units(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    c = client_for(org.requester)
    c.get(page("search"), {"q": "teams recording"})
    c.get(page("search"), {"q": "Recording Teams"})
    c.get(page("search"), {"q": "vpn"})  # found: no miss
    c.get(page("search"), {"q": "teams rec"}, headers={"HX-Request": "true"})  # still typing
    miss = SearchMiss.objects.get()
    assert miss.count == 2 and miss.typed == "Recording Teams"
    assert (
        "No help article answers “teams recording” yet."
        in c.get(page("search"), {"q": "teams recording"}).text
    )


def test_the_front_door_answers_the_three_questions(
    org: Org, client_for: ClientFor, articles: dict[str, Article]
) -> None:
    ticket = file_ticket(org.requester, org.it, "Printer jams")
    html = client_for(org.requester).get(page("home")).text
    assert html.index("How do I …?") < html.index("Where is my request?")
    assert html.index('role="search"') < html.index("Most read")
    assert "Most read" in html and "New and updated" in html
    assert page("article", articles["vpn"].slug) in html
    assert page("article", articles["finance"].slug) in html  # Rita is in Finance
    for key in ("agents", "draft", "archived"):
        assert page("article", articles[key].slug) not in html
    assert ticket.reference in html
    assert "Is something broken right now?" in html and "No known problems right now." in html
    otto = client_for(org.other_requester).get(page("home")).text
    assert page("article", articles["finance"].slug) not in otto

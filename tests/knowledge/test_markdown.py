"""Articles' Markdown never brings markup of its own onto a page: raw HTML, scripts,
event handlers, `javascript:` and `data:` links are text or gone, one test a construct."""

from html.parser import HTMLParser

import pytest

from scotty.knowledge.markdown import plain_text, render


def shown(source: str) -> str:
    return render(
        source,
        article_link=lambda slug: f"/help/{slug}/" if slug == "vpn" else None,
        file_link=lambda name: f"/help/a/files/{name}" if name == "map.png" else None,
    )


def tags_of(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every tag a browser would build from `html`, with its attributes."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Tags().feed(html)
    return found


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<form action=https://evil.example><input name=password></form>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
])  # fmt: skip
def test_raw_html_is_shown_as_text_never_as_markup(hostile: str) -> None:
    html = shown(f"Before {hostile} after")
    assert tags_of(html) == [("p", [])]  # one paragraph, no attribute: the rest is text
    assert "&lt;" in html  # the words are there, escaped


@pytest.mark.parametrize("link", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
    "java\tscript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd",
])  # fmt: skip
def test_dangerous_links_are_not_links(link: str) -> None:
    html = shown(f"[click me]({link})")
    assert "href" not in html and "click me" in html


def test_web_and_mail_links_stay_and_open_safely() -> None:
    html = shown("[docs](https://example.org/vpn) and [write](mailto:it-help@example.org)")
    assert '<a href="https://example.org/vpn" rel="noopener noreferrer">docs</a>' in html
    assert 'href="mailto:it-help@example.org"' in html


def test_links_to_other_articles_resolve_and_unknown_ones_are_words() -> None:
    html = shown("See [the VPN set-up](article:vpn) or [a secret](article:internal-how-to).")
    assert '<a href="/help/vpn/" rel="noopener noreferrer">the VPN set-up</a>' in html
    assert "internal-how-to" not in html and "a secret" in html


def test_images_only_from_the_articles_own_files() -> None:
    html = shown(
        "![the map](attachment:map.png) ![tracker](https://evil.example/p.gif) "
        "![x](data:image/png;base64,iVBORw0KGgo=) ![y](attachment:missing.png)"
    )
    assert '<img src="/help/a/files/map.png" alt="the map">' in html
    assert html.count("<img") == 1 and "evil.example" not in html and "data:" not in html
    assert "tracker" in html  # its words stay


def test_tables_lists_and_code_are_kept() -> None:
    html = shown("## Steps\n\n1. Open **Settings**\n2. Type `vpn.example.org`\n\n"
                 "| Client | Version |\n|---|---|\n| GlobalProtect | 6.2 |\n")  # fmt: skip
    for tag in ("<h2>", "<ol>", "<strong>", "<code>", "<table>", "<td>"):
        assert tag in html


def test_plain_text_is_the_words_without_markup_or_addresses() -> None:
    words = plain_text("## VPN\n\nOpen [the portal](https://vpn.example.org/secret-path) "
                       "and type `gp connect`.")  # fmt: skip
    assert "VPN" in words and "the portal" in words and "gp connect" in words
    assert "secret-path" not in words and "##" not in words

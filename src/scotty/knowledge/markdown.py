"""Articles' Markdown as HTML that is safe to put on a page, and as plain words for the
search index.

Two locks, one behind the other:
1. markdown-it-py renders CommonMark (with tables and strikethrough) with raw HTML
   turned off, so `<script>` or `<img onerror=...>` in an article is shown as text, and
   its link check refuses `javascript:`, `vbscript:`, `file:` and `data:` links;
2. nh3 then keeps only an allowlist of tags and attributes, and only http, https and
   mailto links (plus addresses within Scotty), whatever the first step let through.

Two addresses of Scotty's own are written in Markdown as schemes and resolved here:
`[the VPN set-up](article:vpn-setup)` links another article by its slug, and
`![diagram](attachment:diagram.png)` shows one of the article's own files. An article
or file that the resolver does not know (or the reader may not see) leaves the words
without a link, and no image.
"""

from collections.abc import Callable
from functools import cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

ARTICLE_SCHEME = "article:"
FILE_SCHEME = "attachment:"

Resolver = Callable[[str], str | None]


class SanitisedHtml(str):
    """HTML that came out of `render` (nh3's output, the one sanitiser of articles): the
    only article text a template inserts as markup, through `__html__`. Made nowhere
    else (tests/test_template_safety.py holds every other module to that)."""

    def __html__(self) -> str:
        return str(self)


_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
# No style attribute: the pages' CSP refuses inline styles (a table column's alignment,
# the only one markdown-it writes, is lost; the table is not).
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}


@cache
def _parser() -> MarkdownIt:
    # html False: raw HTML in the source is text, never markup (CommonMark's escape).
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def _resolve(tokens: list[Token], article_link: Resolver, file_link: Resolver) -> None:
    """Turn `article:` and `attachment:` addresses into Scotty's own, in place; drop
    what does not resolve (the link's words stay, an unknown image goes)."""
    for token in tokens:
        if token.children:
            _resolve(token.children, article_link, file_link)
        if token.type == "link_open":
            href = str(token.attrGet("href") or "")
            if href.startswith(ARTICLE_SCHEME):
                target = article_link(href[len(ARTICLE_SCHEME) :])
                if target is None:
                    token.attrs.pop("href", None)
                else:
                    token.attrSet("href", target)
        elif token.type == "image":
            src = str(token.attrGet("src") or "")
            target = file_link(src[len(FILE_SCHEME) :]) if src.startswith(FILE_SCHEME) else None
            if target is None:
                # Only the article's own files: a remote image would tell a stranger
                # who read the article, and when.
                token.type, token.tag, token.attrs = "text", "", {}
                token.content = token.content or "".join(c.content for c in token.children or [])
                token.children = None
            else:
                token.attrSet("src", target)


def _attribute(tag: str, name: str, value: str) -> str | None:
    if tag == "img" and name == "src":
        return value if value.startswith("/") and not value.startswith("//") else None
    return value


def render(source: str, *, article_link: Resolver, file_link: Resolver) -> SanitisedHtml:
    """The article's Markdown as sanitised HTML (see the module)."""
    parser = _parser()
    tokens = parser.parse(source)
    _resolve(tokens, article_link, file_link)
    html = parser.renderer.render(tokens, parser.options, {})
    return SanitisedHtml(nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        attribute_filter=_attribute,
        strip_comments=True,
    ))  # fmt: skip


def plain_text(source: str) -> str:
    """The words of the article as a reader sees them: no markup, no link addresses
    (an address's words are not the article's words), code kept."""
    words: list[str] = []

    def walk(tokens: list[Token]) -> None:
        for token in tokens:
            if token.type in ("text", "code_inline", "code_block", "fence"):
                words.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                words.append(" ")
            if token.children:
                walk(token.children)
            if token.block and token.nesting == -1:
                words.append("\n")

    walk(_parser().parse(source))
    return " ".join("".join(words).split(" ")).strip()

"""A mail's HTML made safe to show (nh3), and read as plain text when it has no text part.

What the sanitiser keeps: nh3's allowlist of tags and attributes, with
- no script, style or title content, no comments, no event handlers, no `style`
  attributes (so no CSS `expression()` or `url()`; the desk's CSP refuses inline styles
  anyway), no `javascript:`, `data:` or relative links (a relative link would point into
  Scotty itself);
- images only from the message itself: `cid:` sources (the caller maps them to the
  stored parts) and inline `data:image/...` ones (PNG, GIF, JPEG, WebP). A remote image
  (http, https) would tell the sender when and where the mail was read, so its `src` is
  dropped and counted: the `img` stays with its alt text, and the count lets the desk
  offer to show them, which it does by parsing the stored message again with
  `remote_images=True`.
  (nh3 can drop or rewrite an attribute's value but not rename it, so the address is
  not kept in the sanitised HTML: that would need a second, hand-written HTML rewrite.)

HTML nested deeper than MAX_NESTING is not sanitised at all but dropped (see below),
and the text is read from it with its tags cut.
"""

import re
from dataclasses import dataclass
from html import unescape

import nh3

_LINK_SCHEMES = {"http", "https", "mailto", "tel"}
_IMAGE_SCHEMES = {"cid", "data"}
_INLINE_IMAGE = re.compile(r"data:image/(png|gif|jpeg|webp);", re.IGNORECASE)
_REMOTE = re.compile(r"\s*(https?:)?//", re.IGNORECASE)
_ATTRIBUTES = {
    **nh3.ALLOWED_ATTRIBUTES,
    "img": {"src", "alt", "width", "height", "title"},
    "a": {"href", "title"},
}


@dataclass(frozen=True)
class Sanitised:
    html: str
    remote_images: int  # remote images whose source was dropped
    defect: str = ""  # why there is no HTML, if there is none


def sanitise(html: str, *, remote_images: bool = False) -> Sanitised:
    """`html` with only what is safe to show in the desk (see the module's rules)."""
    if too_deep(html):
        return Sanitised(
            "", 0, f"the HTML is nested more than {MAX_NESTING} deep; only its text is kept"
        )
    blocked = 0

    def keep(tag: str, attribute: str, value: str) -> str | None:
        nonlocal blocked
        if tag == "img" and attribute == "src":
            if value.lower().startswith("cid:") or _INLINE_IMAGE.match(value):
                return value
            if _REMOTE.match(value):
                blocked += 0 if remote_images else 1
                return value if remote_images else None
            return None
        if attribute in ("href", "cite") and value.split(":", 1)[0].lower() in _IMAGE_SCHEMES:
            return None  # cid: and data: are for images only
        return value

    cleaner = nh3.Cleaner(
        tags=nh3.ALLOWED_TAGS,
        clean_content_tags={"script", "style", "title"},
        attributes=_ATTRIBUTES,
        attribute_filter=keep,
        url_schemes=_LINK_SCHEMES | _IMAGE_SCHEMES,
        url_relative="deny",
        link_rel="noopener noreferrer nofollow",
    )
    cleaned = cleaner.clean(html)
    return Sanitised(cleaned, blocked)


# --- HTML as plain text --------------------------------------------------------------

_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip
_PARAGRAPHS = {"blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "p", "pre", "table", "ul"}
_TEXT_TAGS = _BLOCKS | {"a", "td", "th"}
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
# nh3's output is well-formed and escaped (no "<" in text, attributes in double quotes),
# so a regular expression reads its tags safely.
_TOKEN = re.compile(r"<(/?)([a-z][a-z0-9]*)([^>]*)>|([^<]+)")
_HREF = re.compile(r'\bhref="([^"]*)"')


class _TextWriter:
    """Text as a reader sees the page: one line per block, list items marked, quoted
    blocks (`blockquote`, as Gmail and Outlook quote) prefixed with "> " so the quote
    splitter finds them, links followed by their address."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.line: list[str] = []
        self.quoted = 0
        self.pre = 0
        self.links: list[str] = []

    def start(self, tag: str, attributes: str) -> None:
        if tag in _BLOCKS:
            self.flush()
            self.quoted += tag == "blockquote"
            self.pre += tag == "pre"
            if tag == "li":
                self.line.append("- ")
        elif tag == "a":
            href = _HREF.search(attributes)
            self.links.append(unescape(href.group(1)) if href else "")
        elif tag in ("td", "th"):
            self.line.append(" ")

    def end(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.flush()
            if tag == "blockquote":
                self.quoted = max(0, self.quoted - 1)
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            if tag in _PARAGRAPHS:
                self.paragraph()
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href.startswith(("http:", "https:")) and href not in "".join(self.line):
                self.line.append(f" <{href}>")

    def data(self, data: str) -> None:
        if not self.pre:
            self.line.append(_SPACE.sub(" ", data))
            return
        first, *more = data.split("\n")
        self.line.append(first)
        for line in more:
            self.flush(keep_blank=True)
            self.line.append(line)

    def flush(self, *, keep_blank: bool = False) -> None:
        text = "".join(self.line) if self.pre else _SPACE.sub(" ", "".join(self.line)).strip()
        self.line = []
        if text or keep_blank:
            self.lines.append("> " * self.quoted + text)

    def paragraph(self) -> None:
        """A blank line after a paragraph, once, quoted as its surroundings are."""
        blank = "> " * self.quoted
        if self.lines and self.lines[-1].strip() != blank.strip():
            self.lines.append(blank.rstrip())


def to_text(html: str) -> str:
    """The words of an HTML part, for a mail that has no text part."""
    if too_deep(html):
        return _SPACE.sub(" ", unescape(_ANY_TAG.sub(" ", html))).strip()
    normalised = nh3.clean(html, tags=_TEXT_TAGS, clean_content_tags={"script", "style", "title"},
                           attributes={"a": {"href"}}, link_rel=None)  # fmt: skip
    writer = _TextWriter()
    for token in _TOKEN.finditer(normalised):
        closing, tag, attributes, data = token.groups()
        if data is not None:
            writer.data(unescape(data))
        elif closing:
            writer.end(tag)
        else:
            writer.start(tag, attributes)
    writer.flush()
    return "\n".join(writer.lines).strip()


# --- HTML nested too deep to sanitise ---------------------------------------------------

# The sanitiser's HTML parser takes time that grows with the cube of how deep elements
# nest (8,000 nested lists take seconds; 20,000 nested divs, minutes): HTML nested
# deeper than this is not sanitised but dropped, and its text read with its tags cut.
MAX_NESTING = 500
_NESTING = re.compile(
    r"<(/?)(a|article|aside|b|big|blockquote|center|cite|code|del|div|dl|em|fieldset|font"
    r"|footer|form|header|i|ins|nav|ol|q|s|section|small|span|strike|strong|sub|sup|table"
    r"|u|ul)\b",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^>]*>")


def too_deep(html: str) -> bool:
    depth = 0
    for tag in _NESTING.finditer(html):
        depth = max(0, depth - 1) if tag.group(1) else depth + 1
        if depth > MAX_NESTING:
            return True
    return False

"""The results contract: what every search returns, whatever was found and on which
database. Channels render it; nothing in it is HTML, so templates escape every part."""

from dataclasses import dataclass
from datetime import datetime

from scotty.search.query import Query


@dataclass(frozen=True)
class Part:
    """A run of text; `hit` runs are words the search matched (shown highlighted)."""

    text: str
    hit: bool = False


Highlighted = tuple[Part, ...]


@dataclass(frozen=True)
class Result:
    kind: str  # "ticket" or "article"
    reference: str  # a ticket's reference (IT-1042), an article's slug
    title: Highlighted
    snippet: Highlighted  # the best passage of the text, with the matched words marked
    source: str  # what the snippet quotes: "Description", "Reply", "Internal note" ...
    status: str  # status code as this reader sees it
    status_label: str  # in this reader's words
    unit: str  # the unit working it (agents) or asked (requesters)
    updated: datetime  # last change this reader can see
    rank: float  # higher is better; comparable within one search only


@dataclass(frozen=True)
class Results:
    query: Query
    items: tuple[Result, ...]
    total: int  # matches found, at most WINDOW
    capped: bool  # more matched: the newest WINDOW were ranked
    page: int
    pages: int
    # The query is the reference of a ticket this reader may open (IT-1042).
    reference: str | None = None

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

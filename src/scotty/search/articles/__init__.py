"""Articles in the one search (DESIGN.md, "Search"): their index, kept by the knowledge
services, and the search every channel calls with the person (visibility inside).

Unlike a ticket search, where every word must match (an agent narrows a queue), an
article search is a question ("cannot get email on my phone"): any word may match, the
articles that match more of them, and in their titles and keywords, rank first; words
are widened by synonyms and, when a word is in no article, by the near words that are
(a typo: "pasword" finds "password").
"""

from scotty.search.articles.index import index_article, rebuild_article_index
from scotty.search.articles.searching import search_articles

__all__ = ["index_article", "rebuild_article_index", "search_articles"]

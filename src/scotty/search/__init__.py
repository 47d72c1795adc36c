"""Find anything: one search over tickets (and, later, articles) with one results contract.

The words of a ticket are analysed in Python (`text`: accents and case folded, English
word forms reduced, stop words dropped), so SQLite FTS5 and PostgreSQL full text index
and match exactly the same terms. The ticket services keep the index up to date in the
same transaction as the change (`services.index_ticket`); `scotty search rebuild`
recomputes it. Every caller passes the person: `selectors.search` applies the ticket
visibility rule inside the query.
"""

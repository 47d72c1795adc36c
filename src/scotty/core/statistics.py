"""Planner statistics for the embedded database, which SQLite keeps only when told.

PostgreSQL's autovacuum keeps its statistics current by itself. SQLite gathers them only
on ANALYZE; without them it guesses how selective each index is. Scotty's queue indexes
are shaped to be chosen either way (tickets/migrations/0010), and the benchmarks run
with statistics present (bench/generate.py), so the worker refreshes them once a day
(core/tasks.py): each index is sampled, at most ANALYSIS_LIMIT rows, which takes a
moment at a million tickets and holds the write lock no longer.
"""

from django.db import connection

ANALYSIS_LIMIT = 1000


def refresh_statistics() -> bool:
    """ANALYZE the SQLite database (sampled); False (nothing to do) on PostgreSQL."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")
    return True

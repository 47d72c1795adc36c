"""SQLite's planner statistics, refreshed daily by the worker (core/statistics.py)."""

from django.db import connection

from scotty.core.statistics import refresh_statistics
from scotty.core.testing import Org, file_ticket


def test_the_daily_refresh_gives_sqlite_statistics_and_leaves_postgresql_alone(
    org: Org,
) -> None:
    for _ in range(3):
        file_ticket(org.requester, org.it)
    refreshed = refresh_statistics()
    if connection.vendor != "sqlite":
        assert refreshed is False  # autovacuum keeps PostgreSQL's
        return
    assert refreshed is True
    with connection.cursor() as cursor:
        cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'tickets_ticket'")
        indexes = {row[0] for row in cursor.fetchall()}
    assert {"q_unit_open", "q_unit_unassigned", "q_assignee_open"} <= indexes

"""Background jobs of the shared pieces (huey): one line each into a helper."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from scotty.core.once import forget_old_submissions
from scotty.core.statistics import refresh_statistics


@db_periodic_task(crontab(minute="17", hour="3"))
@lock_task("forget-old-submissions")
def forget_old_submissions_task() -> int:
    """Prune one-time form tokens older than a day (a repeat that late is no double submit)."""
    return forget_old_submissions()


@db_periodic_task(crontab(minute="37", hour="3"))
@lock_task("refresh-statistics")
def refresh_statistics_task() -> bool:
    """Give SQLite's planner current statistics (PostgreSQL's autovacuum keeps its own)."""
    return refresh_statistics()

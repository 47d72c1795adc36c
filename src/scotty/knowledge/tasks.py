"""Background jobs for the knowledge base: thin wrappers (huey)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from scotty.knowledge.reminders import remind_stale


@db_periodic_task(crontab(minute="23", hour="7"))
@lock_task("remind-stale-articles")
def remind_stale_articles_task() -> int:
    """Tell units of their articles past their review date (each morning)."""
    return remind_stale()

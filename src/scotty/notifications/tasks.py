"""Background jobs for notifications: thin wrappers (huey)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from scotty.notifications.reminders import remind_waiting


@db_periodic_task(crontab(minute="41"))
@lock_task("remind-waiting")
def remind_waiting_task() -> int:
    """Remind requesters the desk waits on them (after the configured delay)."""
    return remind_waiting()

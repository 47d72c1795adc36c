"""Background jobs for tickets: thin wrappers that call services (huey)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from scotty.tickets.services import close_expired_resolutions


@db_periodic_task(crontab(minute="*/5"))
@lock_task("close-expired-resolutions")
def close_expired_resolutions_task() -> int:
    """Close resolved tickets whose reopen window has passed."""
    return close_expired_resolutions()

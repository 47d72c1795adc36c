"""Background jobs for tickets: thin wrappers that call services (huey)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from scotty.tickets.services import close_expired_resolutions
from scotty.tickets.services.alerts import check_sla_alerts
from scotty.tickets.services.clocks import recompute_unit_clocks


@db_periodic_task(crontab(minute="*/5"))
@lock_task("close-expired-resolutions")
def close_expired_resolutions_task() -> int:
    """Close resolved tickets whose reopen window has passed."""
    return close_expired_resolutions()


@db_periodic_task(crontab(minute="*"))
@lock_task("check-sla-alerts")
def check_sla_alerts_task() -> int:
    """Announce the SLA warnings and breaches that have come (tickets.services.alerts)."""
    return check_sla_alerts().recorded


@db_task()
def recompute_unit_clocks_task(unit_id: int) -> int:
    """Recompute the clocks of a unit's open tickets after its policy or calendar changed."""
    return recompute_unit_clocks(unit_id)

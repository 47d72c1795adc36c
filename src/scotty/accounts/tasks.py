"""Background jobs for accounts: thin wrappers that call the accounts' own functions."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from scotty.accounts import throttle


@db_periodic_task(crontab(minute="17"))
@lock_task("forget-full-sign-in-buckets")
def forget_full_sign_in_buckets_task() -> int:
    """Drop sign-in throttle buckets that are full again (addresses seen once)."""
    return throttle.forget_full_buckets()

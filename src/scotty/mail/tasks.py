"""Background jobs for e-mail: thin wrappers that call the mail channel (huey)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from scotty.mail.inbound import ingest
from scotty.mail.outbound.deliver import deliver_due


@db_task(retries=3, retry_delay=30)
def process_inbound_task(inbound_id: int) -> str:
    """Process one stored message (idempotent: a message processed before is left)."""
    return ingest.process(inbound_id)


@db_periodic_task(crontab(minute="*/5"))
@lock_task("process-left-inbound")
def process_left_inbound_task() -> int:
    """Process messages stored but not processed (the worker was down when they came)."""
    return ingest.process_left()


@db_periodic_task(crontab(minute="*"))
def poll_mailboxes() -> int:
    """Read every IMAP mailbox that is on, each under its own lock (`imap.polling_lock`):
    a mailbox still being read by another worker is left to it. Returns how many were read."""
    from scotty.mail.inbound import imap

    return sum(result is not None for result in imap.poll_all().values())


@db_task()
def deliver_mail_task() -> int:
    """Send the outbox now: enqueued after each commit that wrote rows to it (no lock:
    rows are claimed one worker each, so two runs at once share the work)."""
    return deliver_due()


@db_periodic_task(crontab(minute="*"))
@lock_task("deliver-mail")
def deliver_mail_periodic_task() -> int:
    """Send what is due every minute: retries whose time has come, and rows whose wake-up
    was lost (the worker was down when they were written)."""
    return deliver_due()

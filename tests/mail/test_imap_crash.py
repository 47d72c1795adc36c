"""Crash safety of the IMAP poller: a real `scotty mail poll` process, killed with SIGKILL
in the middle of a batch again and again, then run to the end. Every message is stored
exactly once, and the mailbox agrees: nothing left in the INBOX, each message once in
the done folder."""

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from scotty.core.testing import Org
from scotty.mail.models import InboundMessage, Mailbox
from tests.mail import dovecot as imap_server
from tests.mail.dovecot import Account
from tests.mail.test_imap import make_mailbox, message

# The real IMAP server's fixtures, where pytest finds them (one server per module).
dovecot, imap_account = imap_server.dovecot, imap_server.imap_account


MESSAGES = 150
STORED_BEFORE_KILL = 8  # a few new messages stored, then the kill
PATIENCE = 120.0


def database_url() -> str:
    """The test database, as DATABASE_URL says it to another process."""
    db: dict[str, Any] = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}{port}/{db['NAME']}"


def poller_env(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "SCOTTY_DATA_DIR": str(data_dir), "DATABASE_URL": database_url(),
           "DJANGO_SETTINGS_MODULE": "scotty.settings"}  # fmt: skip
    env.pop("REDIS_URL", None)  # huey (the processing queue, the poll lock) in data_dir
    return env


def stored() -> int:
    return InboundMessage.objects.count()


def run_poller(env: dict[str, str], *, kill_after: int | None) -> int | None:
    """Start `scotty mail poll`; SIGKILL it once `kill_after` more messages are stored.
    Its exit code, or None when it was killed."""
    target = None if kill_after is None else stored() + kill_after
    process = subprocess.Popen([sys.executable, "-m", "scotty", "mail", "poll"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    deadline = time.monotonic() + PATIENCE
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if target is not None and stored() >= target:
                process.kill()
                process.wait()
                return None
            time.sleep(0.002)
        assert process.poll() is not None, "the poller hung"
        output = process.stdout.read().decode() if process.stdout else ""
        assert process.returncode == 0, output
        return process.returncode
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.django_db(transaction=True)
def test_a_poller_killed_mid_batch_stores_every_message_exactly_once_and_the_mailbox_agrees(
    org: Org, imap_account: Account, tmp_path: Path
) -> None:
    sent = [message(n, message_id=n % 10 != 0) for n in range(1, MESSAGES + 1)]
    imap_account.append_all(sent)
    mailbox = make_mailbox(org, imap_account)
    env = poller_env(tmp_path)
    kills = 0
    while kills < 3 and stored() < MESSAGES - STORED_BEFORE_KILL:
        if run_poller(env, kill_after=STORED_BEFORE_KILL) is None:
            kills += 1
            # Killed anywhere: nothing was moved away before it was stored, nothing lost.
            kept = {bytes(raw) for raw in InboundMessage.objects.values_list("raw", flat=True)}
            moved = list(imap_account.messages("Done").values())
            assert set(moved) <= kept
            assert sorted(moved + list(imap_account.messages("INBOX").values())) == sorted(sent)
    assert kills >= 2, "the poller finished before it could be killed twice"
    assert 0 < stored() < MESSAGES
    run_poller(env, kill_after=None)  # started again, to the end

    rows = list(InboundMessage.objects.values_list("raw", flat=True))
    assert len(rows) == MESSAGES
    assert sorted(bytes(raw) for raw in rows) == sorted(sent)  # each once, byte for byte
    assert imap_account.messages("INBOX") == {}
    assert sorted(imap_account.messages("Done").values()) == sorted(sent)  # each once
    mailbox = Mailbox.objects.get(pk=mailbox.pk)
    assert mailbox.failures == 0 and mailbox.last_uid == MESSAGES

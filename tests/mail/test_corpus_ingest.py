"""The whole corpus of real-world messages (../shared/mail-corpus, from other projects'
test suites) through the ingester: every message opens a ticket, joins one or is
quarantined with a reason; none crashes the ingester, none is lost, and none of the
automatic ones (per the manifest) gets an automatic answer."""

import csv
from pathlib import Path

import pytest
from django.test import override_settings

from scotty.core.testing import Org
from scotty.mail.inbound.ingest import process
from scotty.mail.inbound.store import store
from scotty.mail.models import InboundMessage, InboundState, MailAddress, Source
from scotty.notifications.models import OutgoingMail

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "mail-corpus"
if not CORPUS.exists():  # the checkout beside /work/shared, or CI's copy of it
    CORPUS = Path("/work/shared/mail-corpus")


def manifest() -> list[dict[str, str]]:
    with (CORPUS / "MANIFEST.tsv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@pytest.mark.django_db
@pytest.mark.skipif(not CORPUS.exists(), reason="the mail corpus is not on this machine")
@override_settings(SCOTTY_MAIL_ALLOWED_DOMAINS=["*"], SCOTTY_MAIL_TICKETS_PER_SENDER_HOUR=10_000)
def test_every_corpus_message_is_filed_joined_or_quarantined_with_a_reason(org: Org) -> None:
    MailAddress.objects.create(address="it-help@example.org", unit=org.it)
    rows = manifest()
    stored: dict[str, int] = {}
    for row in rows:
        raw = (CORPUS / row["path"]).read_bytes()
        result = store(raw, source=Source.PIPE, envelope_to=["it-help@example.org"])
        stored[row["path"]] = result.id
        if not result.duplicate:
            process(result.id)
    kept = InboundMessage.objects.in_bulk(list(set(stored.values())))
    assert len(kept) == len(set(stored.values()))  # every message kept, duplicates once
    for path, inbound_id in stored.items():
        message = kept[inbound_id]
        assert message.state in (InboundState.PROCESSED, InboundState.QUARANTINED), path
        if message.state == InboundState.QUARANTINED:
            assert message.reason, path
        else:
            assert message.ticket_id is not None, path
        assert bytes(message.raw) == (CORPUS / path).read_bytes() or message.dedupe_key.startswith(
            "mid:"
        )
    outcomes = {m.outcome for m in kept.values()}
    assert "created" in outcomes and "failed" not in outcomes, outcomes  # no crash reached us
    automatic = [r for r in rows if r["is_auto_generated"] == "yes"]
    assert automatic
    for row in automatic:
        sender = kept[stored[row["path"]]].sender
        if sender:
            assert not OutgoingMail.objects.filter(to_address=sender, automatic=True).exists(), row[
                "path"
            ]

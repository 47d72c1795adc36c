"""parse over the corpus of real-world messages (../shared/mail-corpus, from other
projects' test suites) against what its manifest says of each: bounces, automatic
replies, charsets, attachments. Where the parser and the manifest part ways, the
message is named below with the reason."""

import csv
import re
from functools import cache
from pathlib import Path

import pytest

from scotty.mail.inbound.parse import Unparseable, parse
from scotty.mail.inbound.parsed import ParsedMail

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "mail-corpus"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/mail-corpus")
pytestmark = pytest.mark.skipif(
    not CORPUS.exists(), reason="the mail corpus is not on this machine"
)

# No header at all: a text file, and a one-line "Not an RFC-822 Document".
NO_HEADER = {"messages/bestpractical-rt/lorem-ipsum", "messages/jhillyerd-enmime/erroneous.raw"}
NOT_READ_AS_BOUNCES = {
    # A list relayed it and put its own sender on it: nothing says a server wrote it.
    "messages/flufl-bounce/dumbass_01.txt",
    # A list's refusal of a non-member, from the list's address: no delivery failed.
    "messages/sisimai-set-of-emails/lhost-fml-02.eml",
}
READ_AS_BOUNCES = {
    # A challenge-response sent as a real RFC 3464 report, with Action: failed.
    "messages/rjbs-bounceparser/boxbe-cr.msg",
}
SUBJECTS_READ_OTHERWISE = {
    # Raw GB2312 in the subject: the manifest has U+FFFD where GB18030 reads it whole.
    "messages/spamscope-mail-parser/mail_test_9",
    # Raw bytes with no charset anywhere; the manifest guessed Korean, Windows-1252 here.
    "messages/mailgun-flanker/mailformed-headers.eml",
    # A raw 0x85 at the end: Windows-1252's "…", which the manifest left out.
    "messages/mailgun-flanker/broken-headers.eml",
    # A byte order mark before the headers: the manifest found no Subject behind it.
    "messages/jstedfast-mimekit/feedback-report.txt",
}
TRUNCATED_SUBJECTS = {"messages/mailgun-flanker/long-header.eml"}  # 130,000 characters
NO_UFFFD_EXCEPT = {
    # Base64 of a corrupt UTF-8 text: the bytes really are broken.
    "messages/coddingtonbear-django-mailbox/email_issue_82.eml",
}


@cache
def manifest() -> tuple[dict[str, str], ...]:
    with (CORPUS / "MANIFEST.tsv").open(newline="", encoding="utf-8") as f:
        return tuple(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def results() -> dict[str, ParsedMail | Exception]:
    found: dict[str, ParsedMail | Exception] = {}
    for row in manifest():
        try:
            found[row["path"]] = parse((CORPUS / row["path"]).read_bytes())
        except Exception as error:
            found[row["path"]] = error
    return found


def parsed(*, kind: str = "", tag: str = "") -> list[tuple[dict[str, str], ParsedMail]]:
    """The parsed messages whose manifest row has this auto_kind or tag."""
    return [
        (row, mail)
        for row in manifest()
        if (not kind or kind in row["auto_kind"].split(","))
        and (not tag or re.search(tag, row["tags"]))
        and isinstance(mail := results()[row["path"]], ParsedMail)
    ]


def test_every_message_parses_and_only_those_without_a_header_are_unparseable() -> None:
    failed = {path: repr(e) for path, e in results().items() if isinstance(e, Exception)}
    assert {p: e for p, e in failed.items() if not e.startswith("Unparseable")} == {}
    assert set(failed) == NO_HEADER
    for path in NO_HEADER:
        first_line = (CORPUS / path).read_bytes().split(b"\n", 1)[0]
        assert not re.match(rb"[!-9;-~]+:", first_line)
        assert isinstance(results()[path], Unparseable)


def test_bounces_are_read_as_bounces() -> None:
    missed = {row["path"] for row, mail in parsed(kind="bounce") if mail.bounce is None}
    assert missed == NOT_READ_AS_BOUNCES
    extra = {
        row["path"] for row, mail in parsed() if mail.bounce and "bounce" not in row["auto_kind"]
    }
    assert extra == READ_AS_BOUNCES


def test_a_bounce_names_its_recipients_and_what_the_server_said() -> None:
    bounces = [mail.bounce for _row, mail in parsed(kind="bounce") if mail.bounce]
    assert len(bounces) >= 55
    assert sum(bool(b.recipients) for b in bounces) >= len(bounces) - 2
    assert all(b.diagnostic or b.status for b in bounces if b.recipients)
    assert sum(bool(b.original_message_id) for b in bounces) >= 35


def test_automatic_replies_are_marked() -> None:
    unmarked = [
        row["path"]
        for row, mail in parsed(kind="auto-reply")
        if not (mail.is_auto_reply or mail.auto_submitted)
    ]
    assert unmarked == []
    people_marked = [
        row["path"]
        for row, mail in parsed()
        if row["is_auto_generated"] == "no" and (mail.is_auto_reply or mail.bounce)
    ]
    # An abuse report (multipart/report) the manifest could not read past its byte
    # order mark, so it has it as a person's mail.
    assert people_marked == ["messages/jstedfast-mimekit/feedback-report.txt"]


def test_charsets_decode_to_the_manifests_subject() -> None:
    different = {
        row["path"]: (row["subject"], mail.subject)
        for row, mail in parsed(tag=r"(^|,)charset-|8bit-headers|rfc2047")
        if mail.subject != " ".join(row["subject"].split())
        and row["path"] not in SUBJECTS_READ_OTHERWISE
        and not (row["path"] in TRUNCATED_SUBJECTS and row["subject"].startswith(mail.subject))
    }
    assert different == {}


def test_charsets_decode_without_replacement_characters() -> None:
    replaced = [
        row["path"]
        for row, mail in parsed(tag=r"(^|,)charset-|broken-charset")
        if "\ufffd" not in row["subject"]
        and "\ufffd" in mail.subject + mail.text + mail.quoted
        and row["path"] not in NO_UFFFD_EXCEPT
    ]
    assert replaced == []


def test_attachment_counts_are_plausible() -> None:
    implausible = {}
    for row, mail in parsed():
        expected, found = int(row["has_attachments"]), len(mail.parts) + len(mail.left_out)
        tags = row["tags"].split(",")
        if "malformed-mime" in tags:
            plausible = abs(found - expected) <= 1  # where the parts begin is a guess
        elif any(t.startswith("encrypted-") for t in tags):
            plausible = found in (expected, expected + 1)  # the ciphertext is kept as a file
        elif "tnef" in tags:
            plausible = found >= expected  # winmail.dat holds several files
        elif {"message-partial", "top-level-message-rfc822", "forwarded-rfc822"} & set(tags) or (
            "feedback-report" in tags
        ):
            plausible = found >= expected  # each message/* part is kept as an .eml file
        else:
            plausible = found == expected
        if not plausible:
            implausible[row["path"]] = (expected, [p.filename for p in mail.parts])
    assert implausible == {
        "messages/mailgun-flanker/apache-message-news-mime.eml": (
            0,
            ["Netscape Enterprise vs. Apache Secure.eml"],
        )
    }  # message/news, kept like message/rfc822

"""Splitting a message's text into what it says and the history and signature below it.

The split is at the first line that starts the quoted history or the signature:
- the signature separator "-- " (and "--", as clients that strip trailing spaces
  leave it);
- an attribution line: "On <date>, <someone> wrote:" (Gmail, Apple Mail, Thunderbird;
  Gmail wraps it over two or three lines), "Am ... schrieb ...:", "Le ... a écrit :"
  and their kin in other languages;
- Outlook's "-----Original Message-----" (and "-----Ursprüngliche Nachricht-----"), or
  its header block "From: ... Sent: ... To: ... Subject: ..." (also "Von: ...
  Gesendet: ..."), with the line of underscores Outlook draws above it;
- the last run of ">" lines, when nothing but quoted lines and blank lines follows it
  (with a "... wrote:" line just above it). Quoted lines with answers between them are
  an interleaved reply: they stay in the text, where the answers are.

A forwarded message is what its sender wants read, so it is not split off: a message
whose subject says it is forwarded ("Fwd:", "FW:", "WG:"), or whose first marker is a
forwarding line ("---------- Forwarded message ---------"), stays whole in the text
(Outlook draws the same header block for a forward as for a reply, so only the
subject tells them apart). Nothing is thrown away: the text and the quoted
part together hold every line, and a message that is nothing but quote stays whole in
the text (there is nothing else to show).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SIGNATURE = re.compile(r"--[ \t]?")
_OPENERS = r"(On|Le|El|Il|Em|Op|Den|På|W dniu|Dne|Am)\s"
_ATTRIBUTION_START = re.compile(_OPENERS, re.IGNORECASE)
_VERBS = (
    r"\b(wrote|a écrit|escribió|ha scritto|escreveu|schreef|skrev|napisał|pisze|napsal"
    r"|schrieb)\b"
)
_ATTRIBUTION_VERB = re.compile(_VERBS, re.IGNORECASE)
_ATTRIBUTION = re.compile(_OPENERS + r".{0,400}?" + _VERBS + r".{0,100}?:", re.IGNORECASE)
_ORIGINAL_MESSAGE = re.compile(
    r"-{2,}+\s*+(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original"
    r"|Messaggio originale|Oorspronkelijk bericht|Originalnachricht)\s*-{2,}",
    re.IGNORECASE,
)
_FORWARDED = re.compile(
    r"\s*+(-{2,}+\s*+(Forwarded message|Weitergeleitete Nachricht|Message transféré"
    r"|Mensaje reenviado|Messaggio inoltrato|Doorgestuurd bericht|Forwarded by)"
    r"|Begin forwarded message:|Anfang der weitergeleiteten Nachricht:)",
    re.IGNORECASE,
)
_FORWARD_SUBJECT = re.compile(r"\s*(fwd?|fw|wg|tr|rv|enc)\s*:", re.IGNORECASE)
_WROTE = re.compile(r"\b(wrote|writes|schrieb|schreibt|a écrit|escribió)\s*:\s*$", re.IGNORECASE)
_HEADER = re.compile(r"\*?(From|Von|De|Van|Da|Från|Od)\s?\*?:", re.IGNORECASE)
_HEADER_MORE = re.compile(
    r"\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Inviato|Verzonden|Skickat|To|An|À|Para"
    r"|Subject|Betreff|Objet|Asunto|Oggetto|Onderwerp|Ämne)\s?\*?:",
    re.IGNORECASE,
)
_UNDERLINE = re.compile(r"_{20,}\s*")
_ATTRIBUTION_LINES = 3  # Gmail wraps a long "On ... wrote:" over up to three lines
_HEADER_LINES = 6  # how far down an Outlook header block's other fields may be
_FORWARD = -1  # _first_marker's answer for a forward
# The first word or character of every line a marker above can start with.
_CANDIDATE = re.compile(
    r"^[ \t]*+(?:[-_*]|(?:On|Le|El|Il|Em|Op|Den|På|W|Dne|Am|From|Von|De|Van|Da|Från|Od"
    r"|Begin|Anfang)\b)",
    re.IGNORECASE | re.MULTILINE,
)
_LONGEST_ATTRIBUTION = 600
_LONGEST_MARKER = 1000  # a longer line is prose, not an attribution (and costs no regex)


@dataclass(frozen=True)
class Split:
    text: str
    quoted: str


def split(body: str, *, subject: str = "") -> Split:
    """`body` as what the message says and the history and signature below it."""
    if _FORWARD_SUBJECT.match(subject):
        return Split(body.strip(), "")
    lines = body.split("\n")
    at = _first_marker(body, lines)
    if at == _FORWARD:
        return Split(body.strip(), "")
    trailing = _trailing_quote(lines)
    if trailing is not None:
        at = trailing if at is None else min(at, trailing)
    if at is None or not "".join(lines[:at]).strip():
        return Split(body.strip(), "")
    return Split("\n".join(lines[:at]).rstrip(), "\n".join(lines[at:]).strip("\n"))


def _candidates(body: str) -> Iterator[int]:
    """The indexes of the lines that may start a marker, found in one pass of the
    regular expression engine rather than four tests of every line in Python."""
    index, at = 0, 0
    for found in _CANDIDATE.finditer(body):
        index += body.count("\n", at, found.start())
        at = found.start()
        yield index


def _first_marker(body: str, lines: list[str]) -> int | None:
    """The index of the first line that starts the history or the signature; _FORWARD
    when a forwarding line comes first."""
    for index in _candidates(body):
        line = lines[index]
        if len(line) > _LONGEST_MARKER:
            continue
        if _FORWARDED.match(line):
            return _FORWARD
        if _SIGNATURE.fullmatch(line) or _ORIGINAL_MESSAGE.match(line.lstrip()):
            return index
        if _HEADER.match(line) and _is_header_block(lines, index):
            return index - 1 if index and _UNDERLINE.fullmatch(lines[index - 1]) else index
        if _is_attribution(lines, index):
            return index
    return None


def _is_attribution(lines: list[str], index: int) -> bool:
    """An "On ... wrote:" line, or two or three lines that are one when joined."""
    if not _ATTRIBUTION_START.match(lines[index].lstrip()):
        return False
    for end in range(index + 1, min(index + _ATTRIBUTION_LINES, len(lines)) + 1):
        window = " ".join(line.strip() for line in lines[index:end])
        # The cheap tests first: the full pattern backtracks on long lines.
        if len(window) > _LONGEST_ATTRIBUTION or not window.endswith(":"):
            continue
        if _ATTRIBUTION_VERB.search(window) and _ATTRIBUTION.fullmatch(window):
            return True
    return False


def _is_header_block(lines: list[str], index: int) -> bool:
    """A "From:" line with at least two more of Outlook's fields in the lines below."""
    below = lines[index + 1 : index + 1 + _HEADER_LINES]
    return sum(1 for line in below if _HEADER_MORE.match(line.strip())) >= 2


def _trailing_quote(lines: list[str]) -> int | None:
    """The first line of the last run of ">" lines, when only quoted and blank lines
    follow it, and the "... wrote:" line above it if there is one."""
    start = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if line.startswith(">"):
            start = index
        elif line:
            break
    if start is None:
        return None
    above = start - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above >= 0 and len(lines[above]) <= _LONGEST_MARKER and _WROTE.search(lines[above]):
        return above
    return start

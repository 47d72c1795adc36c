"""The attachment limits applied to a message's files, with what they left out in words.

SCOTTY_MAX_ATTACHMENT_BYTES per file and SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE files, the
same limits the portal's and the desk's uploads have; the files are taken in the
order they came. What is left out is said, for a note on the ticket, in at most
MAX_NOTES lines (a message of 5,000 parts gets a count, not 5,000 lines).
"""

from collections.abc import Sequence

from django.conf import settings
from django.utils.translation import gettext, ngettext

from scotty.core.uploads import human_size
from scotty.mail.inbound.parsed import Part

MAX_NOTES = 20


def within_limits(
    files: Sequence[Part], unread_parts: int = 0
) -> tuple[tuple[Part, ...], tuple[str, ...]]:
    """The files kept as parts, and what was left out, in words."""
    max_bytes = settings.SCOTTY_MAX_ATTACHMENT_BYTES
    max_count = settings.SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE
    kept: list[Part] = []
    left_out: list[str] = []
    for file in files:
        size = len(file.data)
        words = {"name": file.filename, "size": human_size(size), "limit": human_size(max_bytes)}
        if size > max_bytes:
            left_out.append(
                gettext("%(name)s (%(size)s) was larger than %(limit)s and was left out.") % words
            )
        elif len(kept) >= max_count:
            left_out.append(
                ngettext(
                    "%(name)s (%(size)s) was left out: a message may carry %(count)d file.",
                    "%(name)s (%(size)s) was left out: a message may carry %(count)d files.",
                    max_count,
                )
                % {**words, "count": max_count}
            )
        else:
            kept.append(file)
    return tuple(kept), _summarised(left_out, unread_parts)


def _summarised(left_out: list[str], unread_parts: int) -> tuple[str, ...]:
    notes = left_out[:MAX_NOTES]
    more = len(left_out) - len(notes)
    if more:
        notes.append(
            ngettext(
                "%(count)d more file was left out.", "%(count)d more files were left out.", more
            )
            % {"count": more}
        )
    if unread_parts:
        notes.append(
            ngettext(
                "%(count)d part of this message was not read: it has too many parts, or "
                "they are nested too deep.",
                "%(count)d parts of this message were not read: it has too many parts, or "
                "they are nested too deep.",
                unread_parts,
            )
            % {"count": unread_parts}
        )
    return tuple(notes)

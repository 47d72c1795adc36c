"""A ticket's answers to its catalog form, as a page shows them: by question, in the
order they were asked (the form version the ticket was filed with, not today's), each
question's answers together (a multiple choice has several). The requester sees only
the questions marked as shown to them; agents see all, the others marked internal.
"""

from dataclasses import dataclass, field

from scotty.tickets.models import Attachment, TicketAnswer
from scotty.tickets.selectors import TicketAccess


@dataclass
class AnsweredQuestion:
    label: str
    values: list[str] = field(default_factory=list)
    internal: bool = False  # not shown to the requester
    attachment: Attachment | None = None


def answers_of(access: TicketAccess) -> list[AnsweredQuestion]:
    """The answers the reader may see (one query)."""
    rows = TicketAnswer.objects.filter(ticket_id=access.ticket.pk).select_related(
        "question", "attachment"
    )
    if not access.as_agent:
        rows = rows.filter(question__shown_to_requester=True)
    by_question: dict[int, AnsweredQuestion] = {}
    for row in sorted(rows, key=lambda r: (r.question.position, r.pk)):
        shown = by_question.setdefault(
            row.question_id,
            AnsweredQuestion(row.question.label, internal=not row.question.shown_to_requester),
        )
        shown.values.append(row.value)
        if row.attachment is not None:
            row.attachment.ticket = access.ticket
            shown.attachment = row.attachment
    return list(by_question.values())


def answer_files(answered: list[AnsweredQuestion]) -> set[int]:
    """The ids of the files that answer questions (a page shows them with their
    question, not again among the description's files)."""
    return {a.attachment.pk for a in answered if a.attachment is not None}

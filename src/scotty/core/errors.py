"""Errors that domain services raise and every channel turns into a clear message.

A channel never has to guess: each error carries a message fit to show a person.
"""


class DomainError(Exception):
    """A request the domain refuses; `message` is shown to the person as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    """The object does not exist *or* the person may not see it (we never tell which)."""


class NotAllowed(DomainError):
    """The person may see the object but not make this change."""


class InvalidInput(DomainError):
    """Input that fails validation; `field` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidTransition(DomainError):
    """A status change the ticket's state machine does not allow."""


class Conflict(DomainError):
    """The object changed since the person loaded it; `changes` says what changed."""

    def __init__(self, message: str, changes: list[str]) -> None:
        super().__init__(message)
        self.changes = changes

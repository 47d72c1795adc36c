"""Ticket services: the only code that changes tickets. Channels import from here."""

from scotty.tickets.services.conversation import ReplyOutcome, add_reply
from scotty.tickets.services.fields import (
    add_watcher,
    assign,
    remove_watcher,
    retitle,
    set_next_step,
    set_priority,
    set_tags,
    transfer,
)
from scotty.tickets.services.opening import open_ticket
from scotty.tickets.services.workflow import (
    close_expired_resolutions,
    confirm_resolution,
    reject_resolution,
    transition,
)

__all__ = [
    "ReplyOutcome",
    "add_reply",
    "add_watcher",
    "assign",
    "close_expired_resolutions",
    "confirm_resolution",
    "open_ticket",
    "reject_resolution",
    "remove_watcher",
    "retitle",
    "set_next_step",
    "set_priority",
    "set_tags",
    "transfer",
    "transition",
]

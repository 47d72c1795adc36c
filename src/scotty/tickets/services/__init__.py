"""Ticket services: the only code that changes tickets. Channels import from here."""

from scotty.tickets.services.calls import NewRequester, log_call
from scotty.tickets.services.canned import (
    create_canned_reply,
    delete_canned_reply,
    edit_canned_reply,
)
from scotty.tickets.services.conversation import ReplyOutcome, add_reply
from scotty.tickets.services.fields import (
    add_watcher,
    assign,
    remove_watcher,
    retitle,
    set_agent_group,
    set_next_step,
    set_priority,
    set_tags,
    transfer,
)
from scotty.tickets.services.opening import open_ticket
from scotty.tickets.services.update import (
    UNCHANGED,
    MessagePart,
    NextStepPart,
    StatusPart,
    UpdateOutcome,
    update_ticket,
    waiting_until_on,
)
from scotty.tickets.services.workflow import (
    close_expired_resolutions,
    confirm_resolution,
    reject_resolution,
    transition,
)

__all__ = [
    "UNCHANGED",
    "MessagePart",
    "NewRequester",
    "NextStepPart",
    "ReplyOutcome",
    "StatusPart",
    "UpdateOutcome",
    "add_reply",
    "add_watcher",
    "assign",
    "close_expired_resolutions",
    "confirm_resolution",
    "create_canned_reply",
    "delete_canned_reply",
    "edit_canned_reply",
    "log_call",
    "open_ticket",
    "reject_resolution",
    "remove_watcher",
    "retitle",
    "set_agent_group",
    "set_next_step",
    "set_priority",
    "set_tags",
    "transfer",
    "transition",
    "update_ticket",
    "waiting_until_on",
]

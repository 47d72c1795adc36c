"""Run side effects only once the transaction that caused them has committed.

A service that records a change and wants e-mail, webhooks or other slow work done
calls `enqueue_after_commit(task, ...)`; if the transaction rolls back, nothing is sent.
"""

from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import transaction


def enqueue_after_commit(task: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Enqueue a huey task (or call any callable) after the current transaction commits."""
    transaction.on_commit(partial(task, *args, **kwargs))

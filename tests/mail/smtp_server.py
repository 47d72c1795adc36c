"""A real SMTP server on loopback for the tests (aiosmtpd): it receives what Scotty
sends and keeps every message, byte for byte, with its envelope. It answers as told
for chosen recipients (451: try again later, 550: no such user), so the tests see
how the worker treats a temporary and a permanent refusal.
"""

import socket
import threading
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = BytesParser(policy=policy.default).parsebytes(self.raw)
        assert isinstance(parsed, EmailMessage)
        return parsed

    def part(self, content_type: str) -> str:
        """The decoded text of the part of this type ("text/plain", "text/html")."""
        found = self.message.get_body(preferencelist=(content_type.split("/")[1],))
        assert found is not None and found.get_content_type() == content_type, content_type
        return str(found.get_content()).replace("\r\n", "\n")


@dataclass
class Collector:
    """The handler: keeps what arrives; `answers` maps a recipient to the reply its RCPT
    TO gets instead of 250 (e.g. "550 5.1.1 No such user")."""

    received: list[Received] = field(default_factory=list)
    answers: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:  # fmt: skip
        answer = self.answers.get(address.lower())
        if answer is not None:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.received.append(
                Received(envelope.mail_from, tuple(envelope.rcpt_tos), bytes(envelope.content))
            )
        return "250 Message accepted for delivery"


class SmtpServer:
    """An aiosmtpd server in its own thread on a free loopback port."""

    def __init__(self) -> None:
        self.collector = Collector()
        self.port = free_port()
        self.controller = Controller(self.collector, hostname="127.0.0.1", port=self.port)

    def start(self) -> "SmtpServer":
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    @property
    def received(self) -> list[Received]:
        with self.collector.lock:
            return list(self.collector.received)

    def to(self, address: str) -> list[Received]:
        """What arrived for this address, in order."""
        return [r for r in self.received if address in r.rcpt_tos]

    def answer(self, address: str, reply: str | None) -> None:
        """Answer RCPT TO for `address` with `reply` from now on (None: 250 again)."""
        if reply is None:
            self.collector.answers.pop(address.lower(), None)
        else:
            self.collector.answers[address.lower()] = reply


def send_mail_to(settings: Any, port: int) -> None:
    """Point Django's default mailer (MAILERS) at an SMTP server on loopback."""
    settings.MAILERS = {"default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
    }}  # fmt: skip

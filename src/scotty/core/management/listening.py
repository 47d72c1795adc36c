"""Listening sockets and their addresses, shared by `scotty serve` and `scotty run`."""

import http.client
import ipaddress
import os
import socket

from django.core.management.base import CommandError

# Hosts that mean "every address of this machine": a browser cannot open them, so the
# URL shown names the loopback address instead.
_ANY_ADDRESS = {"0.0.0.0", "::", ""}  # noqa: S104 (recognised, not chosen)


def port_number(raw: str | int) -> int:
    """A TCP port from an option or PORT, with a clear message when it is not one."""
    try:
        port = int(raw)
    except ValueError:
        raise CommandError(f"The port must be a number from 0 to 65535, not {raw!r}.") from None
    if not 0 <= port <= 65535:
        raise CommandError(f"The port must be a number from 0 to 65535, not {port}.")
    return port


def _family(host: str) -> socket.AddressFamily:
    try:
        return socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:  # a name such as localhost: resolved as IPv4
        return socket.AF_INET


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (port 0: any free one), inheritable by a child.

    Binding before anything starts turns "port in use" into one clear message instead
    of a web server that fails after the worker and the demo were set up.
    """
    try:
        sock = socket.create_server((host, port), family=_family(host), backlog=2048)
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise CommandError(
            f"Cannot listen on {host}:{port}: {reason}. "
            "Is Scotty (or something else) already running there? "
            "Choose another port, e.g. PORT=8001 make run."
        ) from None
    sock.set_inheritable(True)
    return sock


def url_of(address: tuple[str, int] | tuple[str, int, int, int]) -> str:
    """The URL a person opens for a socket bound to `address` (from getsockname())."""
    host, port = str(address[0]), int(address[1])
    if host in _ANY_ADDRESS:
        host = "::1" if ":" in host else "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def listens_everywhere(address: tuple[str, int] | tuple[str, int, int, int]) -> bool:
    return str(address[0]) in _ANY_ADDRESS


def answers(address: tuple[str, int] | tuple[str, int, int, int], path: str) -> bool:
    """Whether an HTTP server on `address` answers GET `path` (any status counts)."""
    host = str(address[0])
    if host in _ANY_ADDRESS:
        host = "::1" if ":" in host else "127.0.0.1"
    connection = http.client.HTTPConnection(host, int(address[1]), timeout=10)
    try:
        connection.request("GET", path)
        connection.getresponse().read()
    except OSError:
        return False
    finally:
        connection.close()
    return True

"""The address a request came from, as far as Scotty can trust it.

Sign-in locks and the sign-in throttle are kept per client address, so this address must
be one the client cannot choose. Anyone can send an `X-Forwarded-For` header; only the
entries the deployment's own reverse proxies wrote can be believed.

With `SCOTTY_PROXY_COUNT = N` trusted proxies in front of Scotty, each proxy *appends*
the address it received the connection from (nginx `$proxy_add_x_forwarded_for`,
HAProxy `option forwardfor`, most load balancers). The last proxy's own address is
REMOTE_ADDR; the entry the first proxy appended, the client's, is the N-th from the
right. Whatever the client put in the header itself sits further left and is ignored:

    client 203.0.113.5 sends  X-Forwarded-For: 6.6.6.6         (forged)
    proxy 1 (edge) appends    X-Forwarded-For: 6.6.6.6, 203.0.113.5
    proxy 2 appends           X-Forwarded-For: 6.6.6.6, 203.0.113.5, 10.0.0.2
    N = 2: the 2nd entry from the right, 203.0.113.5.

With N = 0 (the default: Scotty serves clients directly) the header is ignored.

If the header holds fewer than N entries, the request did not pass every trusted proxy
(or a proxy replaces the header instead of appending to it): no entry is known to be a
proxy's, so REMOTE_ADDR is used. It is the nearest peer, which the client cannot
choose; the price is that such requests share one address's locks, and a warning in
the log tells the operator to fix the chain. The same holds for an entry that is not
an IP address.
"""

import ipaddress
import logging

from django.conf import settings
from django.http import HttpRequest

log = logging.getLogger(__name__)


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address: REMOTE_ADDR, or behind `SCOTTY_PROXY_COUNT` proxies the
    entry the first of them appended to X-Forwarded-For (see the module docstring).

    Returned in canonical form (IPv6 compressed, IPv4-mapped IPv6 as IPv4), so one
    client always gets the same locks; None only if the server gave no REMOTE_ADDR.
    """
    peer = _canonical(request.META.get("REMOTE_ADDR", ""))
    proxies: int = settings.SCOTTY_PROXY_COUNT
    if proxies <= 0:
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    if len(entries) < proxies:
        log.warning(
            "X-Forwarded-For has %d entries but SCOTTY_PROXY_COUNT is %d: using the "
            "peer address %s. Check that every proxy appends to the header and that "
            "Scotty cannot be reached around them.",
            len(entries),
            proxies,
            peer,
        )
        return peer
    chosen = _canonical(entries[-proxies])
    if chosen is None:
        log.warning(
            "X-Forwarded-For entry %r is not an IP address: using %s.", entries[-proxies], peer
        )
        return peer
    return chosen


def _canonical(text: str) -> str | None:
    """An address as `ipaddress` writes it, ports and IPv6 brackets removed; else None."""
    text = text.strip()
    if text.startswith("["):  # [2001:db8::1]:443
        text = text[1 : text.find("]")] if "]" in text else ""
    elif text.count(":") == 1:  # 203.0.113.5:51234 (some load balancers add the port)
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return str(address.ipv4_mapped)
    return str(address)

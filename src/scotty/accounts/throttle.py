"""The sign-in throttle: a token bucket per client address, across every e-mail.

The per-account lock (django-axes) stops guessing one person's password; it does not
stop one address trying a common password on every account, and each try costs a
password hash (memory and CPU) whether or not the account exists. So before any hash
is computed, the attempt takes a token from its address's bucket:

- a bucket holds `SCOTTY_SIGN_IN_BURST` tokens and gets one back every
  `SCOTTY_SIGN_IN_REFILL_SECONDS`;
- a successful sign-in gives its token back, so people who type their password right
  never use the bucket up, however many share one NAT address;
- an attempt that finds the bucket empty is refused without hashing, and told when the
  next token is due.

The buckets live in the database (`SignInBucket`), so every web process counts the
same attempts; taking a token is one short transaction that locks the address's row.
"""

import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from scotty.accounts.models import SignInBucket

UNKNOWN_ADDRESS = "unknown"  # no REMOTE_ADDR at all: such requests share one bucket


@dataclass(frozen=True)
class Admission:
    """The throttle's answer to one sign-in attempt."""

    admitted: bool
    bucket_key: str
    retry_at: datetime | None = None  # when refused: the next token is due then

    @property
    def retry_after_seconds(self) -> int:
        """Whole seconds until `retry_at` (at least 1), for the Retry-After header."""
        if self.retry_at is None:
            return 0
        return max(1, math.ceil((self.retry_at - timezone.now()).total_seconds()))


def bucket_key(address: str | None) -> str:
    """The bucket an address draws from: the address itself, or its /64 for IPv6.

    An IPv6 client is usually given a whole /64 and can pick any address in it, so
    counting per address would give it 2**64 buckets.
    """
    if not address:
        return UNKNOWN_ADDRESS
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return UNKNOWN_ADDRESS
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


def _burst() -> int:
    return max(1, int(settings.SCOTTY_SIGN_IN_BURST))


def _refill() -> timedelta:
    return timedelta(seconds=max(1, int(settings.SCOTTY_SIGN_IN_REFILL_SECONDS)))


def _locked_bucket(key: str, now: datetime) -> SignInBucket:
    """The address's bucket, row-locked until the transaction ends; full if new."""
    bucket, _ = SignInBucket.objects.select_for_update().get_or_create(
        address=key, defaults={"tokens": float(_burst()), "counted_at": now}
    )
    return bucket


def _bring_up_to_date(bucket: SignInBucket, now: datetime) -> None:
    """Add the tokens that came back since the bucket was last counted; end a hold."""
    elapsed = max(0.0, (now - bucket.counted_at).total_seconds())
    bucket.tokens = min(float(_burst()), bucket.tokens + elapsed / _refill().total_seconds())
    bucket.counted_at = now
    _end_hold_if_usable(bucket)


def _end_hold_if_usable(bucket: SignInBucket) -> None:
    if bucket.tokens >= 1:
        bucket.held_since = bucket.held_until = None
        bucket.refused = 0


def _next_token_at(bucket: SignInBucket) -> datetime:
    return bucket.counted_at + (1 - bucket.tokens) * _refill()


@transaction.atomic
def take_attempt(address: str | None) -> Admission:
    """Take one sign-in attempt from the address's bucket, or refuse if it is empty.

    Call before the password is checked; a refused attempt must not check it. Records
    when the bucket ran dry and how many attempts it turned away (the administrators'
    sign-in locks page shows them).
    """
    key, now = bucket_key(address), timezone.now()
    bucket = _locked_bucket(key, now)
    _bring_up_to_date(bucket, now)
    if bucket.tokens >= 1:
        bucket.tokens -= 1
        if bucket.tokens < 1:  # the next attempt would be refused
            bucket.held_since, bucket.held_until = now, _next_token_at(bucket)
        bucket.save()
        return Admission(admitted=True, bucket_key=key)
    bucket.held_since = bucket.held_since or now
    bucket.held_until = _next_token_at(bucket)
    bucket.refused += 1
    bucket.save()
    return Admission(admitted=False, bucket_key=key, retry_at=bucket.held_until)


@transaction.atomic
def give_back_attempt(key: str) -> None:
    """A sign-in that took a token from bucket `key` succeeded: return the token."""
    now = timezone.now()
    bucket = SignInBucket.objects.select_for_update().filter(address=key).first()
    if bucket is None:  # lifted by an administrator meanwhile: it is full already
        return
    _bring_up_to_date(bucket, now)
    bucket.tokens = min(float(_burst()), bucket.tokens + 1)
    _end_hold_if_usable(bucket)
    bucket.save()


def held_buckets() -> list[SignInBucket]:
    """Buckets that refuse attempts right now, the longest-held first."""
    return list(
        SignInBucket.objects.filter(held_until__gt=timezone.now()).order_by("held_since", "address")
    )


def refill(key: str) -> bool:
    """Fill bucket `key` again (an administrator lifted the hold); False if there was none."""
    deleted, _ = SignInBucket.objects.filter(address=key).delete()  # a missing row is full
    return bool(deleted)


def forget_full_buckets() -> int:
    """Delete buckets that have been full for a while (a missing bucket is a full one),
    so addresses seen once do not stay in the table; returns how many went."""
    long_enough = _burst() * _refill()
    cutoff = timezone.now() - long_enough
    deleted, _ = SignInBucket.objects.filter(counted_at__lt=cutoff).delete()
    return deleted

"""Process-wide memory tuning for what Scotty allocates in large blocks (Argon2 hashes)."""

import ctypes
import sys

_M_MMAP_THRESHOLD = -3  # from <malloc.h>


def return_large_blocks_to_the_system() -> None:
    """Keep glibc from holding on to the memory of each Argon2 hash after it is done.

    A hash takes its memory cost (~19 MiB) in one block. glibc serves such blocks from
    mmap, but after the first is freed it raises its threshold to that size and serves
    later ones from per-thread heaps it never gives back: every thread that once hashed
    a password keeps ~19 MiB. A fixed threshold keeps large blocks mmapped, returned to
    the system when freed. Inherited by the workers, which are forked after this.
    """
    if sys.platform != "linux":
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (musl, ...): nothing to tune
        return
    libc.mallopt(_M_MMAP_THRESHOLD, 128 * 1024)  # glibc's initial value, now fixed

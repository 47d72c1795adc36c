"""The embedded default's cache: SQLite files under the data folder, one cache for every
process on the machine.

`scotty serve` forks one gunicorn process per CPU, and the worker is another process.
Django's local-memory cache is private to each: two agents served by different
processes never saw each other on a ticket (presence), and a cached session signed out
in one process would live on in the other. diskcache's `DjangoCache` keeps the entries
in a few SQLite files (shards) in `LOCATION`: every process reads and writes the same
ones, `add` is atomic (presence claims its slots with it), entries expire, and the least
recently stored go when the size limit is reached. It is not Scotty's database: a
presence poll costs that database nothing. With REDIS_URL, Redis is the cache instead.

Values are pickled, as in Django's own file and database caches: the folder belongs to
Scotty's user, like the database and the secret key beside it.
"""

from typing import Any

from diskcache import DjangoCache


class SharedDiskCache(DjangoCache):
    """diskcache's Django cache, keeping its connections between requests."""

    def close(self, **kwargs: Any) -> None:
        # Django closes every cache after each request. The shards' SQLite connections
        # are per thread (gunicorn's threads live as long as their process) and cost a
        # connect, a read of the settings and a few pragmas to open again: keep them.
        pass

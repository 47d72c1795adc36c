"""Objects handed to the hot loops of templates."""

from typing import Any


class ByKey:
    """Answers `obj[name]` with its attribute `name`.

    Django's templates try `{{ row.name }}` as a key first, then as an attribute; on an
    object without `__getitem__` the first try raises and the engine catches it, for
    every name of every row. A dataclass drawn many times a page (a queue row, a timeline
    entry) inherits this so that the first try succeeds.
    """

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)

"""Checks on free text that every ticket service shares."""

from scotty.core.errors import InvalidInput

MAX_TITLE = 200
MAX_BODY = 50_000
MAX_NEXT_STEP = 500


def clean_text(
    value: str, *, field: str, label: str, max_length: int, required: bool = True
) -> str:
    """Strip and check a text value; raise InvalidInput naming the field."""
    text = (value or "").replace("\x00", "").strip()
    if required and not text:
        raise InvalidInput(f"{label} cannot be empty.", field=field)
    if len(text) > max_length:
        raise InvalidInput(
            f"{label} is {len(text):,} characters long; the limit is {max_length:,}.", field=field
        )
    return text

"""Each test here may switch the language; the next test (on this worker) starts in English."""

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    translation.activate("en")

"""Browser tests: Debian's Chromium driven by Playwright against a live Scotty.

Skipped with a clear reason when /usr/bin/chromium is missing (`make test` installs it
where it can); the accessibility tests also need axe-core (`npm ci`, which it runs too).
Pages open at the desktop's width, or at a phone's where a test parametrizes `viewport`.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        # Only tests that drive the browser (the page lists' own checks need none).
        uses_browser = "browser" in getattr(item, "fixturenames", ())
        if "tests/e2e/" in str(item.fspath) and uses_browser:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(
                    pytest.mark.skip(reason="needs /usr/bin/chromium (apt-get install chromium)")
                )


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield browser
        browser.close()


@pytest.fixture
def viewport() -> dict[str, int]:
    """The window new_page opens: the desktop's, unless a test parametrizes `viewport`
    (`tests.e2e.pages.WIDTHS`: "desktop" 1280 px, "phone" 390 px)."""
    from tests.e2e.pages import DESKTOP

    return DESKTOP


@pytest.fixture
def new_page(browser, live_server, viewport) -> Iterator:  # type: ignore[no-untyped-def]
    """new_page(person) -> a page signed in as that person through the sign-in form."""
    from scotty.core.testing import PASSWORD

    contexts = []

    def open_as(person):  # type: ignore[no-untyped-def]
        context = browser.new_context(base_url=live_server.url, viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.on("dialog", lambda dialog: pytest.fail(f"a script ran: {dialog.message}"))
        page.goto("/sign-in/")
        page.get_by_label("E-mail").fill(person.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        return page

    yield open_as
    for context in contexts:
        context.close()

"""`scotty serve`: gunicorn really serves Scotty's pages and static files, as in production."""

import re
import signal
import subprocess
from pathlib import Path

import pytest

from scotty.core.management.commands.serve import cpu_count, default_workers
from tests.core.processes import Browser, running, scotty, scotty_env

ADMIN = {"SCOTTY_ADMIN_EMAIL": "ops@example.org", "SCOTTY_ADMIN_PASSWORD": "long enough phrase"}


def test_serve_refuses_a_database_that_was_never_set_up(tmp_path: Path) -> None:
    refused = subprocess.run(
        scotty("serve", "--port", "0"), env=scotty_env(tmp_path),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert refused.returncode == 1
    assert "migration(s) first: run `scotty setup`" in refused.stderr


def test_after_setup_serve_answers_pages_static_files_and_sign_ins(tmp_path: Path) -> None:
    env = scotty_env(tmp_path, **ADMIN)
    setup = subprocess.run(
        scotty("setup", "--noinput"), env=env, capture_output=True, text=True, timeout=300
    )
    assert setup.returncode == 0, setup.stderr
    with running(scotty("serve", "--port", "0", "--workers", "1"), env) as serve:
        url = serve.wait_for(r"Scotty is serving on (http://127\.0\.0\.1:\d+/)")[1]
        browser = Browser(url)
        status, _, _, page = browser.get("/sign-in/")
        assert status == 200 and "Sign in to Scotty" in page
        # The stylesheet under its hashed name from collectstatic's manifest, via whitenoise.
        stylesheet = re.search(r'href="(/static/scotty/scotty\.[0-9a-f]{12}\.css)"', page)
        assert stylesheet, page
        status, _, content_type, css = browser.get(stylesheet[1])
        assert status == 200 and content_type.startswith("text/css") and "{" in css
        landed = browser.sign_in(ADMIN["SCOTTY_ADMIN_EMAIL"], ADMIN["SCOTTY_ADMIN_PASSWORD"])
        assert "/sign-in/" not in landed
        serve.process.send_signal(signal.SIGTERM)
        assert serve.finish() == 0
    assert re.search(r"Booting worker with pid", serve.output)


def test_workers_follow_the_cpus_unless_web_concurrency_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    assert default_workers() == cpu_count() >= 1
    monkeypatch.setenv("WEB_CONCURRENCY", "7")
    assert default_workers() == 7

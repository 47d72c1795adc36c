"""The embedded default's cache is one for every process (scotty/core/cache.py): gunicorn
serves with a process per CPU, and two agents on one ticket, served by two of them, must
see each other."""

import json
import subprocess
import sys
from pathlib import Path

from tests.core.processes import PATIENCE_SECONDS, scotty_env

# An agent's ticket page in one process: it checks in until it sees someone else there.
AGENT = """
import json, sys, time
import django
django.setup()
from django.conf import settings
from scotty.tickets import presence
backend = settings.CACHES["default"]["BACKEND"]
me = presence.Caller(int(sys.argv[1]), sys.argv[2], sys.argv[2].split()[0])
deadline = time.monotonic() + float(sys.argv[3])
seen = presence.here(4242, me, typing=True)
while not seen and time.monotonic() < deadline:
    time.sleep(0.05)
    seen = presence.here(4242, me, typing=True)
print(json.dumps({"backend": backend, "seen": [[p.name, p.writing] for p in seen]}))
"""


def agent(data_dir: Path, person_id: int, name: str, *, wait: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", AGENT, str(person_id), name, str(wait)],
        env=scotty_env(data_dir), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def answer(process: subprocess.Popen[str]) -> dict[str, object]:
    out, err = process.communicate(timeout=PATIENCE_SECONDS)
    assert process.returncode == 0, err
    found: dict[str, object] = json.loads(out.splitlines()[-1])
    return found


def test_two_processes_on_the_embedded_default_see_each_others_presence(tmp_path: Path) -> None:
    alex = agent(tmp_path, 1, "Alex Agent", wait=60)
    bea = agent(tmp_path, 2, "Bea Agent", wait=60)
    seen_by_alex, seen_by_bea = answer(alex), answer(bea)
    assert seen_by_alex["backend"] == "scotty.core.cache.SharedDiskCache"
    assert seen_by_alex["seen"] == [["Bea Agent", "reply"]]
    assert seen_by_bea["seen"] == [["Alex Agent", "reply"]]
    # A third process, a moment later (a poll served elsewhere), sees both.
    assert answer(agent(tmp_path, 3, "Cem Agent", wait=0))["seen"] == [
        ["Alex Agent", "reply"],
        ["Bea Agent", "reply"],
    ]

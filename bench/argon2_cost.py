"""What one password check costs: Scotty's Argon2 parameters against Django's defaults.

    .venv/bin/python bench/argon2_cost.py              # 20 hashes per configuration
    .venv/bin/python bench/argon2_cost.py --hashes 50 --parallel 4

Every sign-in computes one Argon2 hash: checking the password of an account, or, for an
e-mail with no account, hashing a random one so the answer takes as long. Each
configuration runs in a fresh Python process (peak memory is per process), through the
hasher Django uses (`check_password`), and reports:

- wall time and CPU time per hash (median of `--hashes`; CPU counts every lane's thread),
- peak memory one hash adds to the process (maximum resident size after hashing minus
  before),
- peak memory `--parallel` hashes at once add, as that many simultaneous bad sign-ins
  in one threaded web process would (argon2-cffi releases the GIL while hashing).
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import threading
import time
from typing import Any

CONFIGURATIONS = {
    "Scotty (OWASP: argon2id m=19 MiB, t=2, p=1)": "scotty.accounts.hashers.ScottyArgon2Hasher",
    "Django default (argon2id m=100 MiB, t=2, p=8)": (
        "django.contrib.auth.hashers.Argon2PasswordHasher"
    ),
}


def peak_rss_mib() -> float:
    """This process's maximum resident set size so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(hasher_path: str, hashes: int, parallel: int) -> dict[str, Any]:
    """Run in a child process: time `hashes` checks one after another, or (with
    `parallel` > 1) run that many at once; report how far the process's peak grew."""
    import django
    from django.conf import settings

    settings.configure(PASSWORD_HASHERS=[hasher_path], USE_TZ=True)
    django.setup()
    import argon2  # noqa: F401 (the library's own memory is not the hashes')
    from django.contrib.auth.hashers import check_password, make_password

    baseline = peak_rss_mib()
    encoded = make_password("correct horse battery staple")
    walls, cpus = [], []
    if parallel > 1:
        start = threading.Barrier(parallel)

        def sign_in() -> None:
            start.wait()
            check_password("a wrong guess", encoded)

        threads = [threading.Thread(target=sign_in) for _ in range(parallel)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    else:
        for _ in range(hashes):
            wall, cpu = time.perf_counter(), time.process_time()
            check_password("a wrong guess", encoded)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    return {
        "wall_ms": statistics.median(walls) * 1000 if walls else 0.0,
        "cpu_ms": statistics.median(cpus) * 1000 if cpus else 0.0,
        "peak_mib": peak_rss_mib() - baseline,
        "parameters": encoded.split("$")[3],
    }


def run_child(path: str, hashes: int, parallel: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", path]
    command += ["--hashes", str(hashes), "--parallel", str(parallel)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hashes", type=int, default=20, help="hashes timed per configuration")
    parser.add_argument("--parallel", type=int, default=4, help="hashes at once for the peak")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.hashes, args.parallel)))
        return

    print(f"{args.hashes} password checks per configuration, one at a time; then")
    print(f"{args.parallel} at once in a fresh process. Memory: growth of the peak RSS.\n")
    columns = f"{'wall ms':>8} {'CPU ms':>8} {'MiB, one':>9} {f'MiB, {args.parallel}':>8}"
    print(f"{'configuration':48} {columns}")
    for label, path in CONFIGURATIONS.items():
        serial = run_child(path, args.hashes, 1)
        together = run_child(path, 1, args.parallel)
        print(
            f"{label:48} {serial['wall_ms']:8.1f} {serial['cpu_ms']:8.1f} "
            f"{serial['peak_mib']:9.1f} {together['peak_mib']:8.1f}   ({serial['parameters']})"
        )


if __name__ == "__main__":
    main()

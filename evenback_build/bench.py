"""What the benchmarks share: the machine they ran on, a byte-counting site server, and a
wait for the machine's CPUs to go quiet."""

from __future__ import annotations

import functools
import http.server
import os
import platform
import threading
import time
from pathlib import Path
from typing import Any

from .serve import SiteHandler


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    """Platform, CPU model and count, Python, load average: printed with every result."""
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = []
    return {
        "host": platform.node(),
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cpus": os.cpu_count(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "load_average": load,
    }


def machine_line(m: dict[str, Any]) -> str:
    """``machine()`` on one line."""
    load = ", ".join(str(x) for x in m["load_average"]) or "n/a"
    return (
        f"{m['host']} | {m['platform']} | {m['cpu']} x {m['cpus']} | load average {load} | "
        f"{m['python']}"
    )


class Counter:
    """Bytes sent, added up across the server's threads."""

    def __init__(self) -> None:
        self.bytes = 0
        self.last = time.monotonic()
        self.lock = threading.Lock()

    def add(self, n: int) -> None:
        with self.lock:
            self.bytes += n
            self.last = time.monotonic()


def counting_server(
    directory: Path, counter: Counter, max_age: int = 600
) -> http.server.ThreadingHTTPServer:
    """The site server on a free port of 127.0.0.1, counting every byte it sends and when it
    last sent one (running); ``max_age``: its Cache-Control max-age (GitHub Pages': 600 s)."""

    class Counting(SiteHandler):
        def setup(self) -> None:
            super().setup()
            write = self.wfile.write

            def counted(data: bytes) -> int:  # type: ignore[type-arg,unused-ignore]
                counter.add(len(data))
                return write(data)

            self.wfile.write = counted  # type: ignore[method-assign,assignment,unused-ignore]

    Counting.max_age = max_age

    factory = functools.partial(Counting, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def cpu_times() -> tuple[int, int] | None:
    """(total, idle) jiffies of all CPUs since boot, or None where /proc/stat is missing."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return None
    return sum(fields), fields[3] + fields[4]  # idle + iowait


def wait_until_idle(
    busy_below: float = 0.15, quiet_samples: int = 3, step_s: float = 0.1, limit_s: float = 15.0
) -> float:
    """Wait until the machine's CPUs were less than ``busy_below`` busy for ``quiet_samples``
    samples in a row; return the seconds waited (a fixed 2 s where /proc/stat is missing)."""
    start = time.monotonic()
    previous = cpu_times()
    if previous is None:
        time.sleep(2.0)
        return 2.0
    quiet = 0
    while quiet < quiet_samples and time.monotonic() - start < limit_s:
        time.sleep(step_s)
        current = cpu_times()
        if current is None:
            break
        total, idle = current[0] - previous[0], current[1] - previous[1]
        previous = current
        quiet = quiet + 1 if total and 1 - idle / total < busy_below else 0
    return time.monotonic() - start

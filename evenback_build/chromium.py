"""Debian's Chromium as the tests and benchmarks launch it (never a downloaded browser).

Root needs --no-sandbox; the background-networking flags stop Chromium from calling home,
which this machine's closed network would refuse (see ../shared/research/site-tooling.md).
"""

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

"""Debian's Chromium as the tests and benchmarks launch it (never a downloaded browser).

Root needs --no-sandbox; the background-networking flags stop Chromium from calling home,
which a closed network (as in CI without internet access) would refuse.
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

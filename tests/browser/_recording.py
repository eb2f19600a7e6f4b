"""What a browser context did: every request, uncaught error and CSP violation."""

from __future__ import annotations

from urllib.parse import urlsplit


class Recorder:
    """Every request URL, uncaught page error and CSP violation seen by a browser context."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.csp: list[str] = []
        self.failed: dict[str, str] = {}

    def foreign(self) -> list[str]:
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme not in ("data", "blob", "about")
            and urlsplit(u).hostname != "127.0.0.1"
        ]


def watch(context, recorder: Recorder) -> None:  # type: ignore[no-untyped-def]
    context.on("request", lambda r: recorder.requests.append(r.url))
    context.on("weberror", lambda e: recorder.errors.append(str(e.error)))

    def on_console(message) -> None:  # type: ignore[no-untyped-def]
        if "Content Security Policy" in message.text:
            recorder.csp.append(message.text)

    context.on("console", on_console)
    context.on("requestfailed", lambda r: recorder.failed.__setitem__(r.url, r.failure or ""))


def assert_clean(recorder: Recorder) -> None:
    """What every browser test promises: no request off 127.0.0.1, no uncaught page error, no
    Content-Security-Policy violation."""
    assert recorder.foreign() == [], "requests left 127.0.0.1"
    assert recorder.errors == [], f"uncaught page errors: {recorder.errors}"
    assert recorder.csp == [], "Content-Security-Policy violations"

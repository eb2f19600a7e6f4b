"""The page's own record of Content-Security-Policy violations: every `securitypolicyviolation`
event, kept on window for as long as the document lives (instant navigation keeps it)."""

from __future__ import annotations

# Added to a context with add_init_script (no inline script: the CSP stays on).
RECORD = """
window.ebViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  const what = `${e.effectiveDirective} ${e.blockedURI || "inline"}`;
  window.ebViolations.push(`${what} ${where} ${e.sample}`);
});
"""


def take_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The violations the page's document has seen since the last call."""
    return list(page.evaluate("() => (window.ebViolations ?? []).splice(0)"))


_planted = iter(range(1, 1_000_000))


def plant_style(page, site_url: str, css: str) -> None:  # type: ignore[no-untyped-def]
    """Add `css` to the page as the policy allows a style sheet: a <link> to a same-origin URL
    (answered by the test), since the CSP refuses an inline <style>."""
    url = f"{site_url}planted-{next(_planted)}.css"
    page.route(url, lambda route: route.fulfill(content_type="text/css", body=css))
    page.add_style_tag(url=url)

// The DOM helpers' pure parts: ids from field paths, and links that stay inside the site.
import assert from "node:assert/strict";
import { test } from "node:test";

import { idFor, siteUrl } from "../../docs/js/planner-dom.js";

test("a field path becomes a safe element id", () => {
  assert.equal(idFor("tests.side_bridge_s.left"), "pl-tests-side_bridge_s-left");
  assert.equal(idFor('a "b" <c>'), "pl-a--b---c-");
});

test("site-root paths resolve under the site's root, also under a sub-path", () => {
  const root = new URL("https://example.org/even-back/");
  assert.equal(siteUrl(root, "/exercises/bird_dog/"), "https://example.org/even-back/exercises/bird_dog/");
  assert.equal(siteUrl(new URL("http://127.0.0.1:8000/"), "/references/#x"), "http://127.0.0.1:8000/references/#x");
});

test("anything that would leave the site is no link at all", () => {
  const root = new URL("https://example.org/even-back/");
  for (const path of ["//evil.example/x", "https://evil.example/", "javascript:alert(1)", "x/y", "", null, 7]) {
    assert.equal(siteUrl(root, path), null, String(path));
  }
});

// Where the plan was left: kept for this tab with the address it was kept at, and used only
// when the plan is shown again at that same address.
import assert from "node:assert/strict";
import { test } from "node:test";

import { placeFor, placeToRestore } from "../../docs/js/planner-place.js";

const href = "https://example.org/planner/#profile=abc";
const anchor = { id: "pl-w2-s1-i3", getBoundingClientRect: () => ({ top: 120.4 }) };

test("the place is the item's id, where it stood and the weeks open", () => {
  assert.deepEqual(placeFor(href, anchor, ["pl-week-2"]), { href, id: "pl-w2-s1-i3", top: 120, open: ["pl-week-2"] });
});

test("a place is restored only at the address it was kept at", () => {
  const text = JSON.stringify(placeFor(href, anchor, ["pl-week-2"]));
  assert.equal(placeToRestore(text, href).id, "pl-w2-s1-i3");
  assert.equal(placeToRestore(text, "https://example.org/planner/#profile=other"), null);
  assert.equal(placeToRestore(text, "https://example.org/planner/"), null);
});

test("nothing kept, or something broken, is no place", () => {
  for (const text of [null, "", "{", "null", "[]", '{"href":"x"}', JSON.stringify({ href, id: 3, top: 1, open: [] })]) {
    assert.equal(placeToRestore(text, href), null, String(text));
  }
});

// The self-test pages' link to the planner: results within the boxes' own limits, or no results.
import assert from "node:assert/strict";
import { test } from "node:test";

import { readFragment } from "../../docs/js/planner-share.js";
import { parseResult, plannerHref } from "../../docs/js/selftest-link.js";
import { shareRules } from "./_describe.mjs";

test("a result is a finite number within the box's min and max", () => {
  assert.equal(parseResult("45", "0", "3600"), 45);
  assert.equal(parseResult(" 12.5 ", "0", "3600"), 12.5);
  assert.equal(parseResult("0", "0", "3600"), 0);
  assert.equal(parseResult("3600", "0", "3600"), 3600);
  for (const bad of ["", "  ", "-1", "3601", "abc", "Infinity", "NaN", null]) {
    assert.equal(parseResult(bad, "0", "3600"), null, String(bad));
  }
});

test("the limits are the box's, not the module's", () => {
  assert.equal(parseResult("50", "0", "40"), null);
  assert.equal(parseResult("5000", "0", "9000"), 5000);
  assert.equal(parseResult("5000", null, null), 5000);
});

test("with both results the link opens the planner's form with them filled in, not a plan", () => {
  const href = plannerHref("../../planner/", "side_bridge_s", 60, 45.5);
  assert.ok(href.startsWith("../../planner/#prefill="), href);
  const opened = readFragment(href.slice(href.indexOf("#")), shareRules());
  assert.equal(opened.prefill, true);
  assert.deepEqual(JSON.parse(opened.text), {
    version: 1,
    tests: { side_bridge_s: { left: 60, right: 45.5 } },
  });
});

test("without both results the link is the plain planner link", () => {
  assert.equal(plannerHref("../../planner/", "side_bridge_s", null, 45), "../../planner/");
  assert.equal(plannerHref("../../planner/", "side_bridge_s", 60, null), "../../planner/");
  assert.equal(plannerHref("../../planner/", "side_bridge_s", 0, 0).includes("#prefill="), true);
});

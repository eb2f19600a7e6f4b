// The share-link fragment: writing "#profile=<base64url>" and reading it back, or saying why not.
import assert from "node:assert/strict";
import { test } from "node:test";

import { fragmentFor, prefillFor, readFragment } from "../../docs/js/planner-share.js";
import { shareRules } from "./_describe.mjs";

const RULES = shareRules();
const MAX = RULES.maxChars;

test("a written fragment reads back as the same profile text", () => {
  for (const text of ["{}", '{"weak_side":"left","focus":["hips"]}', '{"note":"Grüße, 背中"}']) {
    const hash = fragmentFor(text);
    assert.match(hash, /^#profile=[A-Za-z0-9_-]*$/);
    assert.deepEqual(readFragment(hash, RULES), { text, prefill: false });
  }
});

test("a fragment that is not a profile link is left alone", () => {
  for (const hash of ["", "#", "#top", "#profiles=e30", "profile=e30", null, undefined]) {
    assert.equal(readFragment(hash, RULES), null, String(hash));
  }
});

test("the page's limit is Python's: 16 KB of base64url", () => {
  assert.equal(MAX, 16 * 1024);
});

test("a link longer than the limit is not opened, and says so with the limit", () => {
  const long = `#profile=${"A".repeat(MAX + 4)}`;
  const answer = readFragment(long, RULES);
  assert.match(answer.problem, /too long \(16 KB; a real one is well under 16 KB\)/);
  assert.ok(!answer.problem.includes("{"), answer.problem);
  assert.equal(readFragment(`#profile=${"A".repeat(MAX)}`, RULES).problem, undefined);
});

test("a link cut short or mangled is damaged, not an exception", () => {
  for (const payload of ["e30=", "e", "e30e3", "e3+0", "%7B%7D"]) {
    const answer = readFragment(`#profile=${payload}`, RULES);
    assert.equal(answer.problem, RULES.problems.not_base64url, payload);
  }
  assert.deepEqual(readFragment("#profile=e3", RULES), { text: "{", prefill: false }); // short, but valid
});

test("bytes that are not UTF-8 are damaged: not readable text", () => {
  const answer = readFragment("#profile=_w", RULES); // the byte 0xFF
  assert.equal(answer.problem, RULES.problems.not_text);
});

test("a prefill fragment reads back as the same text, marked as a prefill (never a plan link)", () => {
  const text = JSON.stringify({ version: 1, tests: { side_bridge_s: { left: 60, right: 45 } } });
  const hash = prefillFor(text);
  assert.match(hash, /^#prefill=[A-Za-z0-9_-]*$/);
  assert.deepEqual(readFragment(hash, RULES), { text, prefill: true });
  assert.equal(readFragment("#prefill=%%", RULES).problem, RULES.problems.not_base64url);
  assert.equal(readFragment("#prefill=%%", RULES).prefill, true);
});

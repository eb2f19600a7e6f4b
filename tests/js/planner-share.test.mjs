// The share-link fragment: writing "#profile=<base64url>" and reading it back, or saying why not.
import assert from "node:assert/strict";
import { test } from "node:test";

import { fragmentFor, readFragment } from "../../docs/js/planner-share.js";

const MAX = 16 * 1024;

test("a written fragment reads back as the same profile text", () => {
  for (const text of ["{}", '{"weak_side":"left","focus":["hips"]}', '{"note":"Grüße, 背中"}']) {
    const hash = fragmentFor(text);
    assert.match(hash, /^#profile=[A-Za-z0-9_-]*$/);
    assert.deepEqual(readFragment(hash, MAX), { text });
  }
});

test("a fragment that is not a profile link is left alone", () => {
  for (const hash of ["", "#", "#top", "#profiles=e30", "profile=e30", null, undefined]) {
    assert.equal(readFragment(hash, MAX), null, String(hash));
  }
});

test("a link longer than the limit is not opened, and says so with the limit", () => {
  const long = `#profile=${"A".repeat(MAX + 4)}`;
  const answer = readFragment(long, MAX);
  assert.match(answer.problem, /too long \(16 KB; a real one is well under 16 KB\)/);
  assert.equal(readFragment(`#profile=${"A".repeat(MAX)}`, MAX).problem, undefined);
});

test("a link cut short or mangled is damaged, not an exception", () => {
  for (const payload of ["e30=", "e", "e30e3", "e3+0", "%7B%7D"]) {
    const answer = readFragment(`#profile=${payload}`, MAX);
    assert.match(answer.problem ?? "", /damaged/, payload);
  }
  assert.deepEqual(readFragment("#profile=e3", MAX), { text: "{" }); // short, but valid
});

test("bytes that are not UTF-8 are damaged: not readable text", () => {
  const answer = readFragment("#profile=_w", MAX); // the byte 0xFF
  assert.match(answer.problem, /not readable text/);
});

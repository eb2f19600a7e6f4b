// The plan view's pure parts: a dose's runs marked so an amount never breaks across lines,
// the printed log sheet's rows (a box per set and side), and the stable ids Back returns to.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { doseParts, explanationId, itemId, logRows, sessionId, thumbUrl, weekId } from "../../docs/js/planner-view.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYTHON = process.env.EVEN_BACK_PYTHON ?? join(ROOT, ".venv", "bin", "python");

/** display() of a real plan, from the planner itself (never a copy of its words). */
function displayOf(profile) {
  const code = `import json, sys; from planner._bridge import make_plan; print(make_plan(sys.argv[1], "2026-12-01", "json"))`;
  return JSON.parse(execFileSync(PYTHON, ["-c", code, JSON.stringify(profile)], { cwd: ROOT, encoding: "utf8" }));
}

test("every amount of a one-sided dose is marked whole, the words between are not", () => {
  const parts = doseParts([
    ["weak", "Right (weak)"],
    ["", " 3 × 10"],
    ["", ", then "],
    ["side", "Left"],
    ["", " 2 × 10"],
  ]);
  assert.deepEqual(
    parts.map((p) => p.kind),
    ["weak", "amount", "", "side", "amount"],
  );
  assert.equal(parts.map((p) => p.text).join(""), "Right (weak) 3 × 10, then Left 2 × 10");
});

test("a two-sided dose is one amount", () => {
  assert.deepEqual(doseParts([["", "2 × 20 s"]]), [{ kind: "amount", text: "2 × 20 s" }]);
});

test("in a real plan every side's amount is marked, and no amount is left out", () => {
  const answer = displayOf({ weak_side: "left", weeks: 2 });
  for (const week of answer.display.weeks) {
    for (const session of week.sessions) {
      for (const item of session.items) {
        const parts = doseParts(item.dose);
        const labels = parts.filter((p) => p.kind === "weak" || p.kind === "side").length;
        const amounts = parts.filter((p) => p.kind === "amount");
        assert.equal(amounts.length, Math.max(labels, 1), JSON.stringify(item.dose));
        // Sets by reps or seconds ("2 × 10", "3 × 20 s"), or a walk's one bout in minutes ("40 min").
        for (const amount of amounts) assert.match(amount.text.trim(), /^(\d+ × \d+( s)?|\d+ min)$/);
      }
    }
  }
});

test("the log sheet has a row per side and a box per set, in the order performed", () => {
  const item = { sides: [{ side: "right", sets: 3, reps: 8 }, { side: "left", sets: 2, reps: 8 }] };
  assert.deepEqual(logRows(item), [
    { side: "right", sets: 3 },
    { side: "left", sets: 2 },
  ]);
  assert.deepEqual(logRows({ sets: 2, seconds: 20 }), [{ side: "both", sets: 2 }]);
});

test("ids are stable and safe: week, session, item, explanation", () => {
  assert.equal(weekId(3), "pl-week-3");
  assert.equal(sessionId(3, 2), "pl-w3-s2");
  assert.equal(itemId(3, 2, 5), "pl-w3-s2-i5");
  assert.equal(explanationId("bird_dog"), "pl-ex-bird_dog");
  assert.equal(explanationId('a "b"'), "pl-ex-a--b-");
});

test("an item's thumbnail is beside its exercise page, in this site, at / and under a sub-path", () => {
  const sub = new URL("https://example.org/even-back/");
  assert.equal(thumbUrl(sub, "/exercises/bird_dog/"), "https://example.org/even-back/exercises/bird_dog/thumb.svg");
  assert.equal(thumbUrl(new URL("http://127.0.0.1:8000/"), "/exercises/x/"), "http://127.0.0.1:8000/exercises/x/thumb.svg");
  for (const page of [undefined, null, "", "/exercises/x", "//evil.example/", "https://evil.example/x/"]) {
    assert.equal(thumbUrl(sub, page), null, String(page));
  }
});

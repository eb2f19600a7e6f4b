// The log store's pure parts: what a stored record is, and how sessions and test days are
// added (oldest first, nothing dropped).
import test from "node:test";
import assert from "node:assert/strict";
import { classify, rawText, recordWith, withSession, withTests, STORE_VERSION } from "../../docs/js/log-store.js";

const log = { version: 1, profile: { weak_side: "left" }, sessions: [], tests: [] };

test("an empty store, a good record, a damaged one and a newer one are told apart", () => {
  assert.equal(classify(undefined).status, "empty");
  assert.equal(classify({ version: STORE_VERSION, revision: "r", log, drafts: {} }).status, "ok");
  for (const bad of ["text", 7, [], { version: 1 }, { version: 1, log: "x" }, { version: "1", log }, { version: 1, log, drafts: [] }]) {
    assert.equal(classify(bad).status, "corrupt", JSON.stringify(bad));
  }
  assert.equal(classify({ version: 2, log }).status, "newer");
  assert.equal(classify({ version: 1, log: { ...log, version: 2 } }).status, "newer");
});

test("a damaged record keeps its raw data for download", () => {
  assert.equal(rawText("a string"), '"a string"\n');
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(rawText(cyclic), "[object Object]\n");
});

test("sessions and test days go in oldest first and nothing is dropped", () => {
  let next = withSession(log, { date: "2026-01-07", week: 1, day: 2, items: [] });
  next = withSession(next, { date: "2026-01-05", week: 1, day: 1, items: [] });
  next = withSession(next, { date: "2026-01-07", week: 1, day: 3, items: [] });
  assert.deepEqual(next.sessions.map((s) => [s.date, s.day]), [["2026-01-05", 1], ["2026-01-07", 2], ["2026-01-07", 3]]);
  assert.equal(log.sessions.length, 0, "the log passed in is not changed");
  const tests = withTests(withTests(log, { date: "2026-02-01", results: {} }), { date: "2026-01-01", results: {} });
  assert.deepEqual(tests.tests.map((t) => t.date), ["2026-01-01", "2026-02-01"]);
});

test("every write has a new revision and keeps the other tabs' drafts", () => {
  const first = recordWith(log, { drafts: { other: { week: 1, day: 1 } } });
  const second = recordWith(log, first);
  assert.notEqual(first.revision, second.revision);
  assert.deepEqual(second.drafts, { other: { week: 1, day: 1 } });
  assert.equal(second.version, STORE_VERSION);
});

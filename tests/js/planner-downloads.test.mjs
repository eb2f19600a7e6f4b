// Which downloads the page offers: describe()'s entries whose export make_plan returned.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { availableDownloads } from "../../docs/js/planner-downloads.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYTHON = process.env.EVEN_BACK_PYTHON ?? join(ROOT, ".venv", "bin", "python");

/** describe()'s downloads, from the planner itself: the page keeps no list of its own. */
function downloads() {
  const code = "import json, planner._bridge as b; print(json.dumps(json.loads(b.describe())['downloads']))";
  return JSON.parse(execFileSync(PYTHON, ["-c", code], { cwd: ROOT, encoding: "utf8" }));
}

test("every download Python describes is offered, in its order, when its export is there", () => {
  const described = downloads();
  const exports = Object.fromEntries(["json", "md", "csv", "ics", "text"].map((f) => [f, `${f} text`]));
  assert.deepEqual(availableDownloads(exports, described), described);
  assert.ok(described.every((d) => d.label && d.filename && d.mime));
});

test("a download whose export is missing (or not text) is not offered", () => {
  const described = downloads();
  const offered = availableDownloads({ json: "{}", csv: 7 }, described);
  assert.deepEqual(offered.map((d) => d.format), ["json"]);
  assert.deepEqual(availableDownloads(undefined, described), []);
  assert.deepEqual(availableDownloads({ json: "{}" }, undefined), []);
});

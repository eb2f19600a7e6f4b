// Which downloads the page offers: describe()'s entries whose export make_plan returned.
import assert from "node:assert/strict";
import { test } from "node:test";

import { availableDownloads } from "../../docs/js/planner-downloads.js";
import { describe } from "./_describe.mjs";

const downloads = () => describe().downloads;

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

// The form's pure parts: the order fields are asked in, number boxes, readable field paths.
import assert from "node:assert/strict";
import { test } from "node:test";

import { labelFor, numberFrom, orderFields } from "../../docs/js/planner-fields.js";

const FIELDS = [
  { name: "version", kind: "version", label: "Profile version" },
  { name: "weak_side", kind: "choice", label: "Which side is weaker or smaller?" },
  { name: "days_per_week", kind: "integer", label: "Sessions a week" },
  { name: "red_flags", kind: "choices", label: "Safety questions" },
  {
    name: "tests",
    kind: "tests",
    label: "Self-test results (optional)",
    choices: [{ value: "side_bridge_s", label: "Side bridge hold" }],
  },
];

test("the safety questions come first, the version is never asked, the rest keep their order", () => {
  assert.deepEqual(
    orderFields(FIELDS).map((f) => f.name),
    ["red_flags", "weak_side", "days_per_week", "tests"],
  );
});

test("a number box gives null when empty, a number when it is one, else its text for Python", () => {
  assert.equal(numberFrom(""), null);
  assert.equal(numberFrom("   "), null);
  assert.equal(numberFrom(" 3 "), 3);
  assert.equal(numberFrom("2.5"), 2.5);
  assert.equal(numberFrom("three"), "three");
  assert.equal(numberFrom("Infinity"), "Infinity");
});

test("a problem's path reads as the form's labels", () => {
  assert.equal(labelFor(FIELDS, "days_per_week", "Your answers"), "Sessions a week");
  assert.equal(
    labelFor(FIELDS, "tests.side_bridge_s.left", "Your answers"),
    "Self-test results (optional), Side bridge hold, Left",
  );
  assert.equal(labelFor(FIELDS, "profile", "Share link"), "Share link");
  assert.equal(labelFor(FIELDS, "weak", "Your answers"), '"weak"');
  assert.equal(labelFor(FIELDS, "tests.nope.up", "x"), 'Self-test results (optional), "nope", "up"');
});

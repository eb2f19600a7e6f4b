// Where the plan was left: kept in the history entry's state beside whatever else is there.
import assert from "node:assert/strict";
import { test } from "node:test";

import { placeIn, stateWith } from "../../docs/js/planner-place.js";

const place = { id: "pl-w2-s1-i3", top: 120, open: ["pl-week-2"] };

test("the place is kept beside the state's other keys", () => {
  const state = stateWith({ other: 1 }, place);
  assert.deepEqual(state, { other: 1, evenBackPlace: place });
  assert.deepEqual(placeIn(state), place);
});

test("no state, or a state without a place, has no place", () => {
  for (const state of [null, undefined, {}, { evenBackPlace: { id: 3 } }, { evenBackPlace: { id: "x" } }]) {
    assert.equal(placeIn(state), null, JSON.stringify(state));
  }
  assert.deepEqual(placeIn(stateWith(null, place)), place);
});

// The pure parts of the planner's form (no DOM): the order fields are asked in, how a number
// box's text becomes a profile value, and the readable name of a problem's field path.

export const SIDES = [
  ["left", "Left"],
  ["right", "Right"],
];

/** The safety questions first, then the fields in Python's order; "version" is not asked. */
export function orderFields(fields) {
  const shown = fields.filter((f) => f.kind !== "version");
  return [...shown.filter((f) => f.name === "red_flags"), ...shown.filter((f) => f.name !== "red_flags")];
}

/** A number box's text as the profile holds it: null when empty, the number when it is one,
 * else the text itself (so Python can say what is wrong with it). */
export function numberFrom(text) {
  const trimmed = String(text ?? "").trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/** A readable name for a path: "Sessions a week", "Side bridge hold, Left". */
export function labelFor(fields, path, profileLabel) {
  const [name, test, side] = String(path).split(".");
  const field = fields.find((f) => f.name === name);
  if (!field) return name === "profile" ? profileLabel : `"${path}"`;
  const parts = [field.label];
  if (test) {
    const choice = field.choices?.find((c) => c.value === test);
    parts.push(choice ? choice.label : `"${test}"`);
  }
  if (side) parts.push(SIDES.find(([s]) => s === side)?.[1] ?? `"${side}"`);
  return parts.join(", ");
}

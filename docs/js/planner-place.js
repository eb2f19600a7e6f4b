// Back from an exercise page (or the references) returns to the same place in the plan:
// before a link in the plan is followed, the place (the item's stable id, where it stood in
// the window, the weeks open) goes into this history entry's state; when the plan is shown
// again in that entry, the same weeks are opened and the item is put back where it stood.
// placeFrom and the state's shape are pure (tests/js/planner-place.test.mjs).

const KEY = "evenBackPlace";

/** The place to keep for a click on `link` inside `result`: {id, top, open}, or null. */
export function placeFrom(link, result) {
  const anchor = link.closest("[id]");
  if (!anchor || !result.contains(anchor)) return null;
  const open = [...result.querySelectorAll("details.planner-week[open]")].map((d) => d.id);
  return { id: anchor.id, top: Math.round(anchor.getBoundingClientRect().top), open };
}

/** This history entry's state with the place kept in it (other keys left as they are). */
export function stateWith(state, place) {
  const base = state !== null && typeof state === "object" ? state : {};
  return { ...base, [KEY]: place };
}

/** The place kept in a history state, or null. */
export function placeIn(state) {
  const place = state?.[KEY];
  return place && typeof place.id === "string" && Array.isArray(place.open) ? place : null;
}

/** Keep the place whenever a link that leaves the page is followed from the plan. */
export function keepPlace(result) {
  result.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest?.("a[href]");
      if (!link || new URL(link.href, location.href).pathname === location.pathname) return;
      const place = placeFrom(link, result);
      if (place) history.replaceState(stateWith(history.state, place), "");
    },
    true,
  );
}

/**
 * Put the plan back as it was left in this history entry: the same weeks open (`fillOpen`
 * fills the weeks just opened), the item where it stood, the focus on its link. True when
 * there was a place to go back to.
 */
export function restorePlace(result, fillOpen) {
  const place = placeIn(history.state);
  if (!place) return false;
  for (const week of result.querySelectorAll("details.planner-week")) week.open = place.open.includes(week.id);
  fillOpen();
  const anchor = document.getElementById(place.id);
  if (!anchor || !result.contains(anchor)) return false;
  window.scrollBy(0, anchor.getBoundingClientRect().top - place.top);
  anchor.querySelector("a[href]")?.focus({ preventScroll: true });
  return true;
}

// Back from an exercise page (or the references) returns to the same place in the plan.
// Before a link in the plan that leaves the page is followed, the place (the item's stable id,
// where it stood in the window, the weeks open) is kept for this tab, with the address it was
// kept at; when the plan is shown again at that same address (Back), the same weeks are
// opened and the item is put back where it stood. The tab's session storage is used, not the
// history entry's state: Material's instant navigation replaces that state with its own.
// placeFor and placeToRestore are pure (tests/js/planner-place.test.mjs).

const KEY = "even-back:place";

/** The place to keep: {href, id, top, open}. */
export function placeFor(href, anchor, openWeeks) {
  return { href, id: anchor.id, top: Math.round(anchor.getBoundingClientRect().top), open: openWeeks };
}

/** The kept place (JSON text) if it was kept at this address, else null. */
export function placeToRestore(text, href) {
  let place;
  try {
    place = JSON.parse(text ?? "null");
  } catch {
    return null;
  }
  const ok =
    place !== null &&
    typeof place === "object" &&
    place.href === href &&
    typeof place.id === "string" &&
    Number.isFinite(place.top) &&
    Array.isArray(place.open);
  return ok ? place : null;
}

/** Keep the place whenever a link that leaves the page is followed from the plan. */
export function keepPlace(result) {
  result.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest?.("a[href]");
      if (!link || new URL(link.href, location.href).pathname === location.pathname) return;
      const anchor = link.closest("[id]");
      if (!anchor || !result.contains(anchor)) return;
      const open = [...result.querySelectorAll("details.planner-week[open]")].map((d) => d.id);
      try {
        sessionStorage.setItem(KEY, JSON.stringify(placeFor(location.href, anchor, open)));
      } catch {
        // No storage: Back shows the plan from its top.
      }
    },
    true,
  );
}

/**
 * Put the plan back as it was left at this address: the same weeks open (`fillOpen` fills
 * the weeks just opened), the item where it stood, the focus on its link. The place is used
 * once. True when there was a place to go back to.
 */
export function restorePlace(result, fillOpen) {
  let place = null;
  try {
    place = placeToRestore(sessionStorage.getItem(KEY), location.href);
    if (place) sessionStorage.removeItem(KEY);
  } catch {
    return false;
  }
  if (!place) return false;
  for (const week of result.querySelectorAll("details.planner-week")) week.open = place.open.includes(week.id);
  fillOpen();
  const anchor = document.getElementById(place.id);
  if (!anchor || !result.contains(anchor)) return false;
  window.scrollBy(0, anchor.getBoundingClientRect().top - place.top);
  anchor.querySelector("a[href]")?.focus({ preventScroll: true });
  return true;
}

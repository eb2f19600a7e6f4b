// Self-test pages: turn "Left / Right" boxes into a planner link with the results filled in.
//
// Markup (on each docs/self-tests/<test>.md page):
//   <form class="selftest-link" data-test="side_bridge_s">
//     <label>Left ... <input type="number" name="left" ...></label>
//     <label>Right ... <input type="number" name="right" ...></label>
//     <a href="../../planner/">Open the planner with these results</a>
//   </form>
// When both numbers are valid (0 to 3600, docs/reference/profile.md), the link becomes
// <planner URL>#profile=<base64url of the UTF-8 JSON, no padding> with
// {"version":1,"tests":{"<test id>":{"left":L,"right":R}}}; otherwise it is the plain planner link.
// The planner URL is the link's own (relative) href, so the site works under any sub-path.
// docs/js/site.js calls bindSelftestLinks() on every page, including instant-navigation swaps.

const MIN = 0;
const MAX = 3600;

/** base64url (RFC 4648 section 5) of a string's UTF-8 bytes, without "=" padding. */
export function base64url(text) {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The input's number when it is a finite value from 0 to 3600, else null. */
function readResult(input) {
  if (!input || input.value.trim() === "" || !input.checkValidity()) return null;
  const value = Number(input.value);
  return Number.isFinite(value) && value >= MIN && value <= MAX ? value : null;
}

/** The planner link for one test's results, or the plain planner URL when either is missing. */
export function plannerHref(plannerUrl, testId, left, right) {
  if (left === null || right === null) return plannerUrl;
  const profile = { version: 1, tests: { [testId]: { left, right } } };
  return `${plannerUrl}#profile=${base64url(JSON.stringify(profile))}`;
}

/** Enhance every form.selftest-link under root; safe to call again on the same page. */
export function bindSelftestLinks(root = document) {
  for (const form of root.querySelectorAll("form.selftest-link")) {
    if (form.dataset.bound === "true") continue;
    const link = form.querySelector("a[href]");
    const testId = form.dataset.test;
    if (!link || !testId) continue;
    form.dataset.bound = "true";
    const plannerUrl = link.getAttribute("href").split("#")[0];
    const left = form.querySelector('input[name="left"]');
    const right = form.querySelector('input[name="right"]');
    const update = () => {
      link.setAttribute("href", plannerHref(plannerUrl, testId, readResult(left), readResult(right)));
    };
    form.addEventListener("input", update);
    form.addEventListener("submit", (event) => event.preventDefault());
    update(); // the browser may restore typed values on "back"
  }
}

// Self-test pages: turn "Left / Right" boxes into a planner link with the results filled in.
//
// Markup (on each docs/self-tests/<test>.md page):
//   <form class="selftest-link" data-test="side_bridge_s">
//     <label>Left ... <input type="number" name="left" min=".." max=".." ...></label>
//     <label>Right ... <input type="number" name="right" min=".." max=".." ...></label>
//     <a href="../../planner/">Open the planner with these results</a>
//   </form>
// The boxes' min and max are the planner's test-result range (planner.TEST_RESULT_MIN and
// TEST_RESULT_MAX); this module keeps no limit of its own. When both numbers are valid, the
// link becomes <planner URL>#prefill=<base64url of the UTF-8 JSON, no padding> with
// {"version":1,"tests":{"<test id>":{"left":L,"right":R}}}; otherwise it is the plain planner link.
// "#prefill=" (not the share link's "#profile=") opens the form with the results filled in and
// the safety questions in view: no plan is made before the person has seen them.
// The planner URL is the link's own (relative) href, so the site works under any sub-path.
// docs/js/site.js calls bindSelftestLinks() on every page, including instant-navigation swaps.
import { prefillFor } from "./planner-share.js";

/**
 * A box's typed text as a result: a finite number within [min, max] (the box's own min and
 * max attributes; a missing one sets no bound), else null.
 */
export function parseResult(value, min, max) {
  const text = String(value ?? "").trim();
  if (text === "") return null;
  const number = Number(text);
  if (!Number.isFinite(number)) return null;
  if (String(min ?? "") !== "" && number < Number(min)) return null;
  if (String(max ?? "") !== "" && number > Number(max)) return null;
  return number;
}

/** The input's result, or null (also when the browser finds the box's value invalid). */
function readResult(input) {
  if (!input || !input.checkValidity()) return null;
  return parseResult(input.value, input.getAttribute("min"), input.getAttribute("max"));
}

/** The planner link for one test's results, or the plain planner URL when either is missing. */
export function plannerHref(plannerUrl, testId, left, right) {
  if (left === null || right === null) return plannerUrl;
  const profile = { version: 1, tests: { [testId]: { left, right } } };
  return plannerUrl + prefillFor(JSON.stringify(profile));
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

// Shows what Python returned: a plan (weeks one can open and close, sessions as cards, the
// weak side first and marked in words, each exercise explained once) or a referral (a calm
// panel of its own). Every word comes from make_plan's
// `display` (Python's wording, the same as the exports'); the plan gives names, links and
// notes. Every value is set as text.
import { el, siteUrl } from "./planner-dom.js";


/** Empty `panel` and put these children in it (null and false are skipped). */
const fill = (panel, ...children) => panel.replaceChildren(...children.filter(Boolean));
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

function list(items) {
  return el("ul", {}, (items ?? []).map((text) => el("li", { text })));
}

/** The self-test results table from display.asymmetry, or null when no tests were given. */
export function asymmetryTable(words) {
  if (!words) return null;
  const rows = words.rows.map(([test, ...cells]) =>
    el("tr", {}, el("th", { scope: "row", text: test }), cells.map((text) => el("td", { text }))),
  );
  return el(
    "div",
    { class: "planner-asymmetry" },
    el(
      "div",
      { class: "planner-table-scroll", tabindex: "0", role: "region", "aria-label": words.label },
      el(
        "table",
        { class: "planner-table" },
        el("thead", {}, el("tr", {}, words.header.map((text) => el("th", { scope: "col", text })))),
        el("tbody", {}, rows),
      ),
    ),
    words.notes.length ? list(words.notes) : null,
    words.basis ? el("p", { class: "planner-hint", text: words.basis }) : null,
  );
}

/**
 * A dose's runs, each marked: `kind` "weak" or "side" for a side's label, "amount" for what
 * that side (or a two-sided item) does ("3 × 10", never broken across lines), "" for the
 * words between ("then"). Pure (tests/js/planner-view.test.mjs).
 */
export function doseParts(runs) {
  return (runs ?? []).map(([kind, text], i) => {
    if (kind) return { kind, text };
    const previous = i ? runs[i - 1][0] : "label";
    return { kind: previous ? "amount" : "", text };
  });
}

/** A dose's text runs: the weak side's label in <strong>, each amount kept on one line. */
function doseRuns(runs) {
  return doseParts(runs).map(({ kind, text }) => {
    if (kind === "weak") return el("strong", { class: "planner-weak", text });
    if (kind === "side") return el("span", { class: "planner-side", text });
    if (kind === "amount") {
      // The leading space stays outside, so a line may break before the amount, never in it.
      const lead = text.startsWith(" ") ? " " : "";
      return [lead, el("span", { class: "planner-amount", text: text.slice(lead.length) })];
    }
    return text;
  });
}

/** Stable ids: a week, a session, an item (so a link or Back comes back to the same place). */
export const weekId = (w) => `pl-week-${w}`;
export const sessionId = (w, s) => `pl-w${w}-s${s}`;
export const itemId = (w, s, i) => `pl-w${w}-s${s}-i${i}`;
export const explanationId = (exercise) => `pl-ex-${String(exercise).replace(/[^A-Za-z0-9_-]/g, "-")}`;

/** The sides of an item and its sets per side, for the printed log sheet's boxes. */
export function logRows(item) {
  if (Array.isArray(item?.sides) && item.sides.length) {
    return item.sides.map((side) => ({ side: side.side, sets: Number(side.sets) || 0 }));
  }
  return [{ side: "both", sets: Number(item?.sets) || 0 }];
}

/** The printed log sheet: a column per set, a row per side, a blank box to write in. */
function logSheet(item, itemWords, view) {
  const rows = logRows(item);
  const widest = Math.max(...rows.map((r) => r.sets), 0);
  if (!widest) return null;
  const labels = sideLabels(itemWords.dose);
  const sets = Array.from({ length: widest }, (_, n) => n);
  return el(
    "table",
    { class: "planner-log-sheet" },
    el("caption", { text: view.log_sheet }),
    el("thead", {}, el("tr", {}, el("td"), sets.map((n) => el("th", { scope: "col", text: `${view.log_set} ${n + 1}` })))),
    el(
      "tbody",
      {},
      rows.map((row, r) =>
        el(
          "tr",
          {},
          el("th", { scope: "row", text: labels[r] ?? "" }),
          sets.map((n) => el("td", { class: n < row.sets ? "planner-box" : "planner-nobox" })),
        ),
      ),
    ),
  );
}

/** The side labels of a dose, in order ("Right (weak)", "Left"); none for a two-sided item. */
function sideLabels(runs) {
  return (runs ?? []).filter(([kind]) => kind === "weak" || kind === "side").map(([, text]) => text);
}

/**
 * The exercise's thumbnail, beside its page (exercises/<id>/thumb.svg, written by the build from
 * the exercise's own figure: evenback_build/figures/thumbs.py). Decorative (alt=""): the item's
 * name beside it says what it is. Null when the item has no page in this site.
 */
export const THUMB_NAME = "thumb.svg";
export function thumbUrl(siteRoot, page) {
  if (typeof page !== "string" || !page.endsWith("/")) return null;
  return siteUrl(siteRoot, `${page}${THUMB_NAME}`);
}

function itemThumb(item, ctx) {
  const src = thumbUrl(ctx.siteRoot, item.page);
  if (!src) return null;
  // `loading` before `src`: an <img> given its src first starts fetching at once, lazy or not.
  return el("img", {
    class: "planner-thumb",
    alt: "",
    width: 56,
    height: 56,
    loading: "lazy",
    decoding: "async",
    src,
  });
}

function itemCard(item, words, ids, ctx) {
  const href = siteUrl(ctx.siteRoot, item.page);
  const name = item.name ?? item.exercise;
  const explained = ctx.explained.has(item.exercise);
  return el(
    "li",
    { class: "planner-item", id: ids, "data-exercise": item.exercise },
    itemThumb(item, ctx),
    el(
      "p",
      { class: "planner-item-name" },
      el("span", { class: "planner-block", text: words.block }),
      " ",
      href ? el("a", { href, text: name }) : el("span", { text: name }),
    ),
    el("p", { class: "planner-dose" }, doseRuns(words.dose)),
    el("p", { class: "planner-facts", text: words.facts }),
    words.note ? el("p", { class: "planner-notes", text: words.note }) : null,
    explained
      ? el(
          "p",
          { class: "planner-how" },
          el("a", {
            href: `#${explanationId(item.exercise)}`,
            class: "planner-how-link",
            text: ctx.view.how_to,
            onclick: (event) => jump(event, explanationId(item.exercise), ids),
          }),
        )
      : null,
    logSheet(item, words, ctx.view),
  );
}

function sessionCard(session, words, w, s, ctx) {
  const items = session.items ?? [];
  return el(
    "article",
    { class: "planner-session", id: sessionId(w, s), "aria-labelledby": `${sessionId(w, s)}-h` },
    el("h4", { id: `${sessionId(w, s)}-h`, text: words.heading }),
    el("p", { class: "planner-minutes", text: words.minutes }),
    el(
      "ol",
      { class: "planner-items" },
      items.map((item, i) => itemCard(item, words.items[i], itemId(w, s, i + 1), ctx)),
    ),
  );
}

/**
 * A week as a section one can open and close (a native <details>): its heading and each
 * session's title and minutes in the summary, so the week reads at a glance; the sessions
 * themselves are added by fillWeek (at once for the open week, later for the others).
 */
function weekSection(week, words, number, open) {
  const sessions = el("div", { class: "planner-sessions", "data-count": (week.sessions ?? []).length });
  const glance = el(
    "span",
    { class: "planner-glance" },
    (words.sessions ?? []).map((s) =>
      el(
        "span",
        { class: "planner-glance-session" },
        el("span", { class: "planner-glance-title", text: s.heading }),
        " ",
        el("span", { class: "planner-glance-minutes", text: s.minutes }),
      ),
    ),
  );
  const section = el(
    "details",
    { class: "planner-week", id: weekId(number), "data-week": number, open },
    el("summary", {}, el("h3", { id: `${weekId(number)}-h`, text: words.heading }), glance),
    week.note ? el("p", { class: "planner-week-note", text: week.note }) : null,
    sessions,
  );
  return { section, sessions };
}

/**
 * Render a plan into `panel` (emptied first), worded by `words` (make_plan's display). `tools`
 * are nodes (downloads, share, forget) placed under the heading. Every week is a <details>;
 * the current week (display.current_week, else 1) is open and filled at once, the others are
 * filled when opened, before printing, or a few at a time in later tasks, so the plan is on
 * screen quickly even for 16 weeks of 7 sessions. Returns {heading, complete}: the heading to
 * focus, a promise that settles once every week is filled (panel.dataset.complete), and
 * fillOpen(), which fills at once every week that is open.
 */
export function renderPlan(panel, plan, words, { siteRoot, tools, shareUrl, today }) {
  const heads = words.headings;
  const view = words.view ?? {};
  const explanations = words.explanations ?? [];
  const ctx = { siteRoot, view, explained: new Set(explanations.map((e) => e.exercise)) };
  const heading = el("h2", { tabindex: "-1", text: words.heading });
  const current = words.current_week || 1;
  delete panel.dataset.complete;
  fill(
    panel,
    printHead(view, shareUrl, today),
    heading,
    el("p", { class: "planner-weakline", text: words.weak_side }),
    words.caution ? el("p", { class: "planner-caution", text: words.caution }) : null,
    tools,
  );
  const weeksBox = el("div", { class: "planner-weeks" });
  const pending = new Map();
  for (const [index, week] of (plan.weeks ?? []).entries()) {
    const number = week.week ?? index + 1;
    const { section, sessions } = weekSection(week, words.weeks[index], number, number === current);
    weeksBox.append(section);
    const fillNow = () => {
      if (!pending.delete(number)) return;
      for (const [s, session] of (week.sessions ?? []).entries()) {
        sessions.append(sessionCard(session, words.weeks[index].sessions[s], number, s + 1, ctx));
      }
    };
    pending.set(number, fillNow);
    section.addEventListener("toggle", () => section.open && fillNow());
  }
  pending.get(current)?.();
  // The stop rules, then the weeks: what to do comes before why (on a phone the open week
  // would otherwise start several screens down, below the reasons).
  if (plan.stop_rules?.length) {
    panel.append(el("h3", { text: heads.stop_rules }), el("div", { class: "planner-stop" }, list(plan.stop_rules)));
  }
  panel.append(weeksBox);
  const table = asymmetryTable(words.asymmetry);
  if (table) panel.append(el("h3", { text: heads.tests }), table);
  if (plan.summary?.length) panel.append(el("h3", { text: heads.why }), list(plan.summary));
  if (explanations.length) panel.append(explanationsSection(explanations, view, siteRoot));
  if (plan.retest) panel.append(el("h3", { text: heads.retest }), el("p", { text: plan.retest }));
  const sources = words.sources ?? (plan.sources ?? []).map((key) => ({ key, name: key }));
  if (sources.length) {
    const refs = el("p", { class: "planner-sources" }, words.sources_lead);
    sources.forEach(({ key, name }, i) => {
      const href = siteUrl(siteRoot, `/references/#${encodeURIComponent(key)}`);
      if (i) refs.append(", ");
      refs.append(href ? el("a", { href, text: name }) : name);
    });
    panel.append(el("h3", { text: heads.sources }), refs);
  }
  const fillAll = () => {
    for (const fillWeek of [...pending.values()]) fillWeek();
  };
  const fillOpen = () => {
    for (const section of weeksBox.querySelectorAll("details.planner-week[open]")) {
      pending.get(Number(section.dataset.week))?.();
    }
  };
  window.addEventListener("beforeprint", fillAll);
  const complete = (async () => {
    while (pending.size) {
      await nextTask();
      if (!panel.isConnected || !weeksBox.isConnected) {
        window.removeEventListener("beforeprint", fillAll);
        return;
      }
      pending.values().next().value?.();
    }
    window.removeEventListener("beforeprint", fillAll);
    panel.dataset.complete = "true";
  })();
  return { heading, complete, fillOpen };
}

/** What heads a printout (print only): the site's name, the date, the share link, the notice. */
function printHead(view, shareUrl, today) {
  return el(
    "div",
    { class: "planner-print-head" },
    el("p", { class: "planner-print-site" }, el("strong", { text: view.site }), ` · ${view.printed} ${today ?? ""}`),
    shareUrl ? el("p", { class: "planner-print-link" }, `${view.share_link}: `, el("span", { text: shareUrl })) : null,
    el("p", { class: "planner-print-notice", text: view.print_notice }),
    el("p", { class: "planner-print-sheet", text: `${view.log_sheet}.` }),
  );
}

/**
 * Go to an element of the plan without touching the address (it holds the share link) and
 * focus it. Coming from an item (`from`), the explanation's "back" link returns to that item.
 */
function jump(event, id, from) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  // Material's instant navigation listens on the body and would load the page again for a
  // link to one of its own anchors (and move the focus): this jump stays within the page.
  event.stopPropagation();
  const back = target.querySelector(".planner-back-link");
  if (back && from) {
    back.setAttribute("href", `#${from}`);
    back.hidden = false;
  }
  target.setAttribute("tabindex", "-1");
  target.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

/** Each exercise's full explanation, once for the plan; every item links here. */
function explanationsSection(explanations, view, siteRoot) {
  return el(
    "section",
    { class: "planner-explanations", id: "pl-explanations", "aria-labelledby": "pl-explanations-h" },
    el("h3", { id: "pl-explanations-h", text: view.explanations }),
    el("p", { class: "planner-hint", text: view.explanations_lead }),
    explanations.map((entry) => {
      const href = siteUrl(siteRoot, entry.href);
      return el(
        "div",
        { class: "planner-explanation", id: explanationId(entry.exercise) },
        el("h4", { text: entry.name }),
        el("p", { text: entry.text }),
        el(
          "p",
          { class: "planner-hint" },
          href ? el("a", { href, text: `${view.exercise_page}: ${entry.name}` }) : null,
          href ? " " : null,
          el("a", {
            href: "#",
            class: "planner-back-link",
            hidden: true,
            text: view.back_to_plan,
            onclick: (event) => jump(event, event.currentTarget.getAttribute("href").slice(1)),
          }),
        ),
      );
    }),
  );
}

/**
 * Render a referral into `panel`: its heading (the most urgent tier first), what to do now, how
 * soon, whom to see, why. The panel is graded by `data-urgency` (emergency, urgent, routine);
 * the tier is always in the words too. An emergency is put in a role="alert" region so screen
 * readers announce it at once. Returns the heading to focus.
 */
export function renderReferral(panel, plan, words, { tools }) {
  const heads = words.headings;
  const heading = el("h2", { tabindex: "-1", class: "planner-referral-heading", text: words.heading });
  const [soonLabel, soon] = words.how_soon;
  const [seeLabel, see] = words.who_to_see;
  const [doNowLabel, doNow] = words.do_now ?? ["", []];
  const table = asymmetryTable(words.asymmetry);
  const urgency = words.urgency || "routine";
  panel.dataset.urgency = urgency;
  const alertBox = el(
    "div",
    { class: "planner-referral-top", role: urgency === "emergency" ? "alert" : null },
    words.tier ? el("p", { class: "planner-tier", text: words.tier }) : null,
    heading,
    doNow.length
      ? el(
          "div",
          { class: "planner-do-now" },
          el("h3", { text: doNowLabel }),
          el("ul", {}, doNow.map((text) => el("li", { text }))),
        )
      : null,
  );
  fill(
    panel,
    alertBox,
    el("p", { class: "planner-lead", text: words.lead }),
    el("p", { class: "planner-urgency" }, el("strong", { text: soonLabel }), soon),
    see ? el("p", { class: "planner-see" }, el("strong", { text: seeLabel }), see) : null,
    plan.reasons?.length ? el("h3", { text: heads.reasons }) : null,
    plan.reasons?.length ? list(plan.reasons) : null,
    el("p", { text: words.no_routine }),
    table ? el("h3", { text: heads.tests_referral }) : null,
    table,
    tools,
  );
  return heading;
}

// Shows what Python returned: a plan (week by week, sessions as cards, the weak side first and
// marked in words) or a referral (a calm panel of its own). Every value is set as text.
import { el, siteUrl } from "./planner-dom.js";

const TIMES = "\u00d7";
const ITEMS_PER_TASK = 24;

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const sideName = (side) => {
  const text = String(side ?? "");
  return text.charAt(0).toUpperCase() + text.slice(1);
};
/** Empty `panel` and put these children in it (null and false are skipped). */
const fill = (panel, ...children) => panel.replaceChildren(...children.filter(Boolean));
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));

function amount(entry) {
  if (entry.reps !== undefined && entry.reps !== null) return `${entry.sets} ${TIMES} ${entry.reps}`;
  if (entry.seconds !== undefined && entry.seconds !== null) {
    return `${entry.sets} ${TIMES} ${entry.seconds} s`;
  }
  return plural(entry.sets, "set");
}

function weakSideLine(plan) {
  const side = plan.weak_side;
  if (!side) {
    return (
      "Weaker side: not known yet. Both sides get the same work, left first, and week 1 starts " +
      "with the self-tests; enter your results to get a plan that brings up the weaker side."
    );
  }
  const how = { stated: " (as you told us)", tests: " (from your self-tests)" }[plan.weak_side_source] ?? "";
  return `Weaker side: ${sideName(side)}${how}. It goes first in every one-sided exercise and gets more work.`;
}

function list(items) {
  return el("ul", {}, (items ?? []).map((text) => el("li", { text })));
}

/** The self-test results table, or null when no tests were given. */
export function asymmetryTable(plan, testNames, basis) {
  const entries = Object.entries(plan.asymmetry ?? {});
  if (!entries.length) return null;
  const head = ["Test", "Left", "Right", "Weaker side", "Difference", "What it means"];
  const rows = entries.map(([id, r]) =>
    el(
      "tr",
      {},
      el("th", { scope: "row", text: testNames.get(id) ?? id }),
      el("td", { text: String(r.left) }),
      el("td", { text: String(r.right) }),
      el("td", { text: r.weaker ? sideName(r.weaker) : "Neither" }),
      el("td", { text: `${r.index_pct}%` }),
      el("td", { text: r.band_label ?? r.band ?? "" }),
    ),
  );
  const notes = entries.filter(([, r]) => r.note).map(([id, r]) => `${testNames.get(id) ?? id}: ${r.note}`);
  return el(
    "div",
    { class: "planner-asymmetry" },
    el(
      "div",
      { class: "planner-table-scroll", tabindex: "0", role: "region", "aria-label": "Self-test results" },
      el(
        "table",
        { class: "planner-table" },
        el("thead", {}, el("tr", {}, head.map((text) => el("th", { scope: "col", text })))),
        el("tbody", {}, rows),
      ),
    ),
    notes.length ? list(notes) : null,
    basis ? el("p", { class: "planner-hint", text: basis }) : null,
  );
}

function sideDoses(item, weakSide) {
  const parts = [];
  (item.sides ?? []).forEach((entry, index) => {
    const weak = weakSide && entry.side === weakSide;
    if (index) parts.push(", then ");
    const label = weak ? `${sideName(entry.side)} (weaker side)` : sideName(entry.side);
    parts.push(
      el(weak ? "strong" : "span", { class: weak ? "planner-weak" : "planner-side", text: label }),
      ` ${amount(entry)}`,
    );
  });
  return parts;
}

function itemCard(item, weakSide, siteRoot, blockLabels) {
  const href = siteUrl(siteRoot, item.page);
  const name = item.name ?? item.exercise;
  const dose =
    item.unilateral && Array.isArray(item.sides)
      ? el("p", { class: "planner-dose" }, sideDoses(item, weakSide))
      : el("p", { class: "planner-dose", text: amount(item) });
  const facts = [];
  facts.push(item.rest_seconds ? `Rest ${item.rest_seconds} s between sets` : "No rest needed");
  if (item.tempo) facts.push(item.tempo === "hold" ? "Hold steady" : `Tempo ${item.tempo}`);
  return el(
    "li",
    { class: "planner-item", "data-exercise": item.exercise },
    el(
      "p",
      { class: "planner-item-name" },
      el("span", { class: "planner-block", text: blockLabels[item.block] ?? sideName(item.block) }),
      " ",
      href ? el("a", { href, text: name }) : el("span", { text: name }),
    ),
    dose,
    el("p", { class: "planner-facts", text: facts.join(" · ") }),
    item.notes ? el("p", { class: "planner-notes", text: item.notes }) : null,
  );
}

function sessionCard(session, index, weakSide, siteRoot, blockLabels) {
  const day = session.day ?? index + 1;
  const title = session.title ? `Session ${day}: ${session.title}` : `Session ${day}`;
  return el(
    "article",
    { class: "planner-session" },
    el("h4", { text: title }),
    el("p", { class: "planner-minutes", text: `About ${plural(session.estimated_minutes, "minute")}` }),
    el(
      "ol",
      { class: "planner-items" },
      (session.items ?? []).map((item) => itemCard(item, weakSide, siteRoot, blockLabels)),
    ),
  );
}

/** A week's section with its heading and note; its session cards are added by the caller. */
function weekSection(week, index) {
  const number = week.week ?? index + 1;
  const heading = week.deload ? `Week ${number} (deload: a lighter week to recover)` : `Week ${number}`;
  const sessions = el("div", { class: "planner-sessions" });
  const section = el(
    "section",
    { class: "planner-week", "aria-labelledby": `pl-week-${number}` },
    el("h3", { id: `pl-week-${number}`, text: heading }),
    week.note ? el("p", { class: "planner-week-note", text: week.note }) : null,
    sessions,
  );
  return { section, sessions };
}

/**
 * Render a plan into `panel` (emptied first). `tools` are nodes (downloads, share) placed under
 * the heading. Sessions are added a few at a time, one batch per task (up to ITEMS_PER_TASK
 * exercises), so even a 16-week, 7-day plan never holds the main thread for long.
 * Returns the heading to focus.
 */
export async function renderPlan(panel, plan, { siteRoot, testNames, tools, labels }) {
  const weeks = plan.weeks ?? [];
  const sessions = weeks[0]?.sessions?.length ?? 0;
  const heading = el("h2", {
    tabindex: "-1",
    text: `Your plan: ${plural(weeks.length, "week")}, ${plural(sessions, "session")} a week`,
  });
  const weakSide = plan.weak_side ?? null;
  fill(
    panel,
    heading,
    el("p", { class: "planner-weakline", text: weakSideLine(plan) }),
    plan.caution
      ? el(
          "p",
          { class: "planner-caution" },
          el("strong", { text: "Go gently. " }),
          "You reported some pain, so this plan uses easier versions and holds. Follow the stop rules.",
        )
      : null,
    tools,
  );
  // The plan's own summary already explains the asymmetry bands.
  const table = asymmetryTable(plan, testNames, "");
  if (table) panel.append(el("h3", { text: "Your self-tests" }), table);
  if (plan.summary?.length) panel.append(el("h3", { text: "Why this plan" }), list(plan.summary));
  if (plan.stop_rules?.length) {
    panel.append(el("h3", { text: "Stop rules" }), el("div", { class: "planner-stop" }, list(plan.stop_rules)));
  }
  const weeksBox = el("div", { class: "planner-weeks" });
  panel.append(weeksBox);
  let batch = 0;
  for (const [index, week] of weeks.entries()) {
    const { section, sessions } = weekSection(week, index);
    weeksBox.append(section);
    for (const [s, session] of (week.sessions ?? []).entries()) {
      if (batch >= ITEMS_PER_TASK) {
        batch = 0;
        await nextFrame();
        if (!panel.isConnected) return heading;
      }
      sessions.append(sessionCard(session, s, weakSide, siteRoot, labels.blocks));
      batch += session.items?.length ?? 0;
    }
  }
  if (plan.retest) panel.append(el("h3", { text: "Re-test" }), el("p", { text: plan.retest }));
  if (plan.sources?.length) {
    const refs = el("p", { class: "planner-sources" }, "The evidence behind these choices: ");
    plan.sources.forEach((key, i) => {
      const href = siteUrl(siteRoot, `/references/#${encodeURIComponent(key)}`);
      if (i) refs.append(", ");
      refs.append(href ? el("a", { href, text: key }) : key);
    });
    panel.append(el("h3", { text: "Sources" }), refs);
  }
  return heading;
}

/** Render a referral into `panel`: how soon, whom to see, why. Returns the heading to focus. */
export function renderReferral(panel, plan, { testNames, basis, tools, labels }) {
  const heading = el("h2", { tabindex: "-1", text: "Please see a professional before you start" });
  const urgency = labels.urgency[plan.urgency] ?? sideName(plan.urgency);
  const table = asymmetryTable(plan, testNames, basis);
  fill(
    panel,
    heading,
    el("p", { class: "planner-urgency" }, el("strong", { text: "How soon: " }), urgency),
    plan.see ? el("p", { class: "planner-see" }, el("strong", { text: "Who to see: " }), plan.see) : null,
    plan.reasons?.length ? el("h3", { text: "Why" }) : null,
    plan.reasons?.length ? list(plan.reasons) : null,
    el("p", {
      text:
        "No exercise routine is included. Once you have been checked and told that exercise " +
        "is safe for you, come back and make a plan.",
    }),
    table ? el("h3", { text: "Your self-test results, to show whoever you see" }) : null,
    table,
    tools,
  );
  return heading;
}

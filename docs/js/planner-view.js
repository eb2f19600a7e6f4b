// Shows what Python returned: a plan (week by week, sessions as cards, the weak side first and
// marked in words) or a referral (a calm panel of its own). Every word comes from make_plan's
// `display` (Python's wording, the same as the exports'); the plan gives names, links and
// notes. Every value is set as text.
import { el, siteUrl } from "./planner-dom.js";

const ITEMS_PER_TASK = 24;

/** Empty `panel` and put these children in it (null and false are skipped). */
const fill = (panel, ...children) => panel.replaceChildren(...children.filter(Boolean));
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));

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

/** A dose's text runs: the weak side's label in <strong>, the other side's in a <span>. */
function doseRuns(runs) {
  return runs.map(([kind, text]) => {
    if (kind === "weak") return el("strong", { class: "planner-weak", text });
    if (kind === "side") return el("span", { class: "planner-side", text });
    return text;
  });
}

function itemCard(item, words, siteRoot) {
  const href = siteUrl(siteRoot, item.page);
  const name = item.name ?? item.exercise;
  return el(
    "li",
    { class: "planner-item", "data-exercise": item.exercise },
    el(
      "p",
      { class: "planner-item-name" },
      el("span", { class: "planner-block", text: words.block }),
      " ",
      href ? el("a", { href, text: name }) : el("span", { text: name }),
    ),
    el("p", { class: "planner-dose" }, doseRuns(words.dose)),
    el("p", { class: "planner-facts", text: words.facts }),
    item.notes ? el("p", { class: "planner-notes", text: item.notes }) : null,
  );
}

function sessionCard(session, words, siteRoot) {
  const items = session.items ?? [];
  return el(
    "article",
    { class: "planner-session" },
    el("h4", { text: words.heading }),
    el("p", { class: "planner-minutes", text: words.minutes }),
    el(
      "ol",
      { class: "planner-items" },
      items.map((item, i) => itemCard(item, words.items[i], siteRoot)),
    ),
  );
}

/** A week's section with its heading and note; its session cards are added by the caller. */
function weekSection(week, words, index) {
  const number = week.week ?? index + 1;
  const sessions = el("div", { class: "planner-sessions" });
  const section = el(
    "section",
    { class: "planner-week", "aria-labelledby": `pl-week-${number}` },
    el("h3", { id: `pl-week-${number}`, text: words.heading }),
    week.note ? el("p", { class: "planner-week-note", text: week.note }) : null,
    sessions,
  );
  return { section, sessions };
}

/**
 * Render a plan into `panel` (emptied first), worded by `words` (make_plan's display). `tools`
 * are nodes (downloads, share) placed under the heading. Sessions are added a few at a time,
 * one batch per task (up to ITEMS_PER_TASK exercises), so even a 16-week, 7-day plan never
 * holds the main thread for long. Returns the heading to focus.
 */
export async function renderPlan(panel, plan, words, { siteRoot, tools }) {
  const heads = words.headings;
  const heading = el("h2", { tabindex: "-1", text: words.heading });
  fill(
    panel,
    heading,
    el("p", { class: "planner-weakline", text: words.weak_side }),
    words.caution ? el("p", { class: "planner-caution", text: words.caution }) : null,
    tools,
  );
  const table = asymmetryTable(words.asymmetry);
  if (table) panel.append(el("h3", { text: heads.tests }), table);
  if (plan.summary?.length) panel.append(el("h3", { text: heads.why }), list(plan.summary));
  if (plan.stop_rules?.length) {
    panel.append(el("h3", { text: heads.stop_rules }), el("div", { class: "planner-stop" }, list(plan.stop_rules)));
  }
  const weeksBox = el("div", { class: "planner-weeks" });
  panel.append(weeksBox);
  let batch = 0;
  for (const [index, week] of (plan.weeks ?? []).entries()) {
    const weekWords = words.weeks[index];
    const { section, sessions } = weekSection(week, weekWords, index);
    weeksBox.append(section);
    for (const [s, session] of (week.sessions ?? []).entries()) {
      if (batch >= ITEMS_PER_TASK) {
        batch = 0;
        await nextFrame();
        if (!panel.isConnected) return heading;
      }
      sessions.append(sessionCard(session, weekWords.sessions[s], siteRoot));
      batch += session.items?.length ?? 0;
    }
  }
  if (plan.retest) panel.append(el("h3", { text: heads.retest }), el("p", { text: plan.retest }));
  if (plan.sources?.length) {
    const refs = el("p", { class: "planner-sources" }, words.sources_lead);
    plan.sources.forEach((key, i) => {
      const href = siteUrl(siteRoot, `/references/#${encodeURIComponent(key)}`);
      if (i) refs.append(", ");
      refs.append(href ? el("a", { href, text: key }) : key);
    });
    panel.append(el("h3", { text: heads.sources }), refs);
  }
  return heading;
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

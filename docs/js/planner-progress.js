// The progress view (#planner[data-state=progress]): the log's progress exactly as
// `python -m planner progress` prints it (the charts are its SVG, the same bytes, placed as SVG
// elements; the numbers its text report), a re-test form that adds dated results to the log,
// and "Plan my next block" (the log's next plan, shown like any plan). Python words and checks
// everything; this module places it.
import { el } from "./planner-dom.js";
import { downloadButtons } from "./planner-downloads.js";
import { renderPlan } from "./planner-view.js";
import { logText, withTests } from "./log-store.js";
import { fill, saveText, todayIso } from "./planner-train-ui.js";

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The planner's SVG (text) as an element of this document. It is Python's own output, but it
 * is still parsed as XML (never as HTML) and anything that could run or fetch is left out:
 * scripts, foreign objects, event attributes and links that leave the drawing.
 */
export function svgElement(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = doc.documentElement;
  if (svg.namespaceURI !== SVG_NS || svg.localName !== "svg" || doc.querySelector("parsererror")) return null;
  for (const node of svg.querySelectorAll("script, foreignObject, iframe, image, a")) node.remove();
  for (const node of [svg, ...svg.querySelectorAll("*")]) {
    for (const attr of [...node.attributes]) {
      const value = attr.value.trim();
      if (/^on/i.test(attr.name)) node.removeAttribute(attr.name);
      else if (/href$/i.test(attr.localName) && !value.startsWith("#")) node.removeAttribute(attr.name);
    }
  }
  return document.importNode(svg, true);
}

/** Fill `panel` with the progress of `ctx.log`; see createTraining's openProgress. */
export async function showProgress(panel, ctx) {
  const { words, info, call, show, back } = ctx;
  const p = words.progress;
  const c = words.controls;
  const heading = el("h2", { tabindex: "-1", text: p.heading });
  const body = el("div", { class: "planner-progress" });
  panel.replaceChildren(heading, el("div", { class: "planner-log-buttons" }, button(c.back, back)), body);
  heading.focus();
  let log = ctx.log;

  async function draw() {
    const answer = await call("log_progress", logText(log));
    if (!answer.ok) {
      body.replaceChildren(
        el(
          "div",
          { class: "planner-log-message planner-log-problem", role: "alert" },
          el("p", { text: answer.message ?? words.store.load_errors }),
          el("ul", {}, (answer.errors ?? []).map((e) => el("li", { text: `${e.field}: ${e.message}` }))),
        ),
      );
      return;
    }
    const { exports, progress } = answer;
    const empty = !progress.sessions_logged && !(log.tests ?? []).length;
    show(fill(p.shown, { n: progress.sessions_logged ?? 0 }));
    const svg = svgElement(exports.svg);
    if (svg) {
      svg.setAttribute("role", "img");
      svg.classList.add("planner-progress-svg");
    }
    body.replaceChildren(
      ...[
      el("p", { text: p.meaning }),
      empty ? el("p", { class: "planner-hint", text: p.empty }) : null,
      el("h3", { text: p.charts }),
      // On a phone the charts keep a readable size and scroll sideways (a focusable region).
      el(
        "div",
        { class: "planner-table-scroll planner-progress-scroll", tabindex: "0", role: "region", "aria-label": p.charts },
        el("figure", { class: "planner-progress-charts", "data-role": "progress-charts" }, svg),
      ),
      el(
        "div",
        { class: "planner-log-buttons", role: "group", "aria-label": c.download },
        button(c.download_svg, () => saveText(exports.svg, "even-back-progress.svg", "image/svg+xml")),
        button(c.download_csv, () => saveText(exports.csv, "even-back-progress.csv", "text/csv")),
        button(c.download_text, () => saveText(exports.text, "even-back-progress.txt", "text/plain")),
      ),
      // The whole report is long (a row per session): it is there, one click away.
      el(
        "details",
        { class: "planner-progress-details" },
        el("summary", { id: "pl-progress-report", text: p.report }),
        el(
          "div",
          { class: "planner-table-scroll planner-progress-report", tabindex: "0", role: "region", "aria-labelledby": "pl-progress-report" },
          el("pre", { "data-role": "progress-text", text: exports.text }),
        ),
      ),
      retestForm(),
      el("h3", { text: p.next_heading }),
      el("div", { class: "planner-log-buttons" }, button(c.next, () => nextBlock())),
      nextBox,
      ].filter(Boolean),
    );
  }

  const nextBox = el("div", { class: "planner-next", "data-role": "next-block" });

  async function nextBlock() {
    const answer = await call("log_next", logText(log), todayIso());
    if (!answer.ok) {
      nextBox.replaceChildren(
        el("ul", { role: "alert" }, (answer.errors ?? [{ field: "log", message: answer.message }]).map((e) => el("li", { text: `${e.field}: ${e.message}` }))),
      );
      return;
    }
    const tools = el("div", { class: "planner-tools" }, downloadButtons(answer.exports, info.downloads));
    const shown = renderPlan(nextBox, answer.plan, answer.display, { siteRoot: ctx.siteRoot, tools });
    shown.heading.focus();
    show(p.next_ready);
  }

  function retestForm() {
    const box = el("section", { class: "planner-retest", "aria-labelledby": "pl-retest-heading" });
    const date = el("input", { type: "date", id: "pl-retest-date", max: "9999-12-31" });
    date.value = todayIso();
    const { minimum, maximum } = info.limits.test_result;
    const rows = info.tests.map((test) => {
      const inputs = ["left", "right"].map((side) => {
        const input = el("input", { type: "number", id: `pl-retest-${test.id}-${side}`, min: String(minimum), max: String(maximum), step: "any", inputmode: "decimal" });
        return { side, input, label: fill(p.retest_side, { test: `${test.name} (${test.unit})`, side: words.session.side_names[side] }) };
      });
      return { test, inputs };
    });
    const errors = el("div", { class: "planner-train-errors", hidden: true });
    const parts = [
      el("h3", { id: "pl-retest-heading", text: p.retest }),
      el("p", { class: "planner-hint", text: p.retest_hint }),
      errors,
      el("div", { class: "planner-train-field" }, el("label", { for: date.id, text: p.retest_date }), date),
      rows.map(({ inputs }) =>
        el(
          "div",
          { class: "planner-retest-row" },
          inputs.map(({ input, label }) => el("div", { class: "planner-train-field" }, el("label", { for: input.id, text: label }), input)),
        ),
      ),
      el("button", { type: "button", class: "md-button md-button--primary", text: c.add_tests, onclick: () => add() }),
    ];
    for (const part of parts.flat()) box.append(part);
    const fail = (items) => {
      errors.hidden = false;
      errors.setAttribute("role", "alert");
      errors.replaceChildren(el("ul", {}, items.map((text) => el("li", { text }))));
    };
    async function add() {
      const results = {};
      const where = new Map([["date", date]]);
      const half = [];
      for (const { test, inputs } of rows) {
        const [left, right] = inputs.map((x) => x.input.value);
        if (left === "" && right === "") continue;
        if (left === "" || right === "") {
          half.push(fill(p.retest_both, { test: `${test.name} (${test.unit})` }));
          continue;
        }
        results[test.id] = { left: Number(left), right: Number(right) };
        for (const x of inputs) where.set(`${test.id}.${x.side}`, x);
      }
      if (half.length) return fail(half);
      if (!Object.keys(results).length) return fail([p.retest_none]);
      const day = { date: date.value, results };
      const candidate = withTests(log, day);
      const index = candidate.tests.indexOf(day);
      const answer = await call("log_check", logText(candidate));
      if (!answer.ok) {
        const prefix = `tests[${index}].`;
        return fail(
          (answer.errors ?? []).map((e) => {
            const rest = e.field.startsWith(prefix) ? e.field.slice(prefix.length).replace(/^results\./, "") : e.field;
            const found = where.get(rest);
            const label = found?.label ?? (rest === "date" ? p.retest_date : e.field);
            return `${label}: ${e.message}`;
          }),
        );
      }
      const saved = await ctx.addTests(day);
      if (!saved) return;
      log = saved;
      await draw();
      show(p.retest_added);
      panel.querySelector("#pl-progress-report")?.focus();
    }
    return box;
  }

  function button(text, onclick) {
    return el("button", { type: "button", class: "md-button", text, onclick });
  }

  await draw();
}

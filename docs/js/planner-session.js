// The session being logged (#planner[data-state=train]): every item of the session, the weak
// side first; per side and set a labelled number input (reps or seconds) and an optional load;
// under each set its target and why, from the worker's log_session_targets (the strong side
// capped live at what the weak side has just done). After each change the record is sent
// again and the targets come back; the inputs stay, so a set can be corrected. Python words,
// checks and decides; this module places its answers.
import { el, siteUrl } from "./planner-dom.js";
import { fill, restTimer, todayIso } from "./planner-train-ui.js";

/** The record as the log keeps it (the page's item index left out). */
export const forLog = (record) => ({
  ...record,
  items: record.items.map(({ exercise, sets }) => ({ exercise, sets })),
});

/**
 * Show the session in `panel`. ctx: words (messages.log), plan, week, day, record (the
 * session so far), targets (the first answer), siteRoot, show, targetsFor(record),
 * saveDraft(record, pageRecord), onFinish(record, targets) -> saved?, onLeave(). Returns
 * {stop}.
 */
export function createSession(panel, ctx) {
  const words = ctx.words;
  const sw = words.session;
  const session = { week: ctx.week, day: ctx.day, record: ctx.record, targets: ctx.targets, inputs: [], timer: null };
  let closed = false;
  const button = (text, onclick, extra = {}) =>
    el("button", { type: "button", class: "md-button", text, onclick, ...extra });

  const unit = (measure) => sw.units[measure] ?? measure;
  // A walk is planned and logged in seconds but typed and shown in minutes (item.shown_in).
  const per = (item) => (item.shown_in === "minutes" ? 60 : 1);
  const shownUnit = (item) => unit(item.shown_in ?? item.measure);
  const sideName = (side) => sw.side_names[side] ?? side;
  const amountText = (entry, item) => {
    const n = entry[item.measure] / per(item);
    return entry.load_kg !== undefined && entry.load_kg !== null
      ? fill(sw.amount_load, { n, unit: shownUnit(item), load: entry.load_kg })
      : fill(sw.amount, { n, unit: shownUnit(item) });
  };

  function numberInput(id, { min, max, step, value }) {
    const input = el("input", {
      type: "number",
      id,
      min: String(min),
      max: String(max),
      step,
      inputmode: step === "1" ? "numeric" : "decimal",
    });
    if (value !== undefined && value !== null) input.value = String(value);
    return input;
  }

  /** The sets already in the record for item `i`'s side, in order. */
  function recorded(i, side) {
    const item = session.record.items.find((it) => it.index === i);
    return (item?.sets ?? []).filter((s) => s.side === side);
  }

  function renderSession(targets) {
    const weekPlan = ctx.plan.weeks?.[session.week - 1];
    const planItems = weekPlan?.sessions?.[session.day - 1]?.items ?? [];
    const heading = el("h2", {
      tabindex: "-1",
      text: fill(words.pick.option, { week: session.week, day: session.day, title: targets.title ?? "" }),
    });
    const date = el("input", { type: "date", id: "pl-train-date", value: session.record.date, max: "9999-12-31" });
    const painBefore = numberInput("pl-train-pain-before", { min: 0, max: 10, step: "1", value: session.record.pain_before });
    const painAfter = numberInput("pl-train-pain-after", { min: 0, max: 10, step: "1", value: session.record.pain_after });
    const note = el("textarea", { id: "pl-train-note", rows: "2", maxlength: "2000" });
    note.value = session.record.note ?? "";
    session.fields = { date, painBefore, painAfter, note };
    const field = (id, label, input, hint) =>
      el("div", { class: "planner-train-field" }, el("label", { for: id, text: label }), hint ?? null, input);
    const errors = el("div", { class: "planner-train-errors", "data-role": "train-errors", hidden: true });
    const referral = el("div", { class: "planner-train-refer", role: "alert", hidden: true });
    const timer = restTimer(words, ctx.show);
    session.timer = timer;
    const items = el("ol", { class: "planner-train-items" });
    // Recorded sets per item index, for a resumed draft.
    session.record.items = (session.record.items ?? []).map((it, j) => ({ ...it, index: it.index ?? j }));
    targets.items.forEach((item, i) => items.append(itemBlock(item, i, planItems[i])));
    session.itemsBox = items;
    session.referral = referral;
    session.errors = errors;
    const c = words.controls;
    panel.replaceChildren(
      heading,
      errors,
      field("pl-train-date", sw.date, date),
      field("pl-train-pain-before", sw.pain_before, painBefore, el("p", { class: "planner-hint", text: sw.pain_hint })),
      timer.node,
      referral,
      items,
      field("pl-train-pain-after", sw.pain_after, painAfter),
      field("pl-train-note", sw.note, note),
      el(
        "div",
        { class: "planner-log-buttons" },
        el("button", { type: "button", class: "md-button md-button--primary", text: c.finish, onclick: () => finish() }),
        button(c.leave, () => ctx.onLeave()),
      ),
    );
    for (const input of [date, painBefore, painAfter, note]) input.addEventListener("change", () => changed(null));
    updateTargets(targets);
  }

  function itemBlock(item, i, planItem) {
    const href = siteUrl(ctx.siteRoot, planItem?.page ?? `/exercises/${item.exercise}/`);
    const [low, high] = item.range ?? [];
    const groups = item.unilateral ? item.sides : [{ side: "both", sets: item.sets }];
    const fieldsets = groups.map((group) => {
      const side = group.side;
      const legend =
        side === "both" ? sw.both : side === item.weak_side ? fill(sw.weak, { side: sideName(side) }) : fill(sw.strong, { side: sideName(side) });
      const done = recorded(i, side);
      const rows = group.sets.map((entry, k) => {
        const n = entry.set;
        const base = `pl-train-${i}-${side}-${n}`;
        const step = item.measure === "reps" ? "1" : "any";
        const kept = done[k]?.[item.measure];
        const amount = numberInput(`${base}-amount`, {
          min: 0,
          max: (item.measure === "reps" ? 1000 : 3600) / per(item),
          step,
          value: kept === undefined || kept === null ? kept : kept / per(item),
        });
        const load = numberInput(`${base}-load`, { min: 0, max: 1000, step: "any", value: done[k]?.load_kg });
        const loaded = item.loaded !== false; // a walk has no load box
        const target = el("p", { class: "planner-train-target", id: `${base}-target` });
        amount.setAttribute("aria-describedby", target.id);
        amount.dataset.item = String(i);
        amount.dataset.side = side;
        amount.dataset.set = String(n);
        amount.addEventListener("change", () => changed(amount));
        load.addEventListener("change", () => changed(null));
        session.inputs.push({ item: i, side, n, measure: item.measure, per: per(item), amount, load, target });
        const label = fill(sw.set, { side: sideName(side), n, unit: shownUnit(item) });
        return el(
          "div",
          { class: "planner-train-set" },
          el("div", { class: "planner-train-amount" }, el("label", { for: amount.id, text: label }), amount),
          loaded
            ? el(
                "div",
                { class: "planner-train-load" },
                el("label", { for: load.id, text: fill(sw.load, { side: sideName(side), n }) }),
                load,
              )
            : null,
          target,
        );
      });
      return el("fieldset", { class: `planner-train-side${side === item.weak_side ? " planner-train-weak" : ""}` }, el("legend", { text: legend }), rows);
    });
    const variants = el("p", { class: "planner-hint planner-train-variant", hidden: true });
    session.variants ??= [];
    session.variants[i] = variants;
    return el(
      "li",
      { class: "planner-train-item", "data-exercise": item.exercise },
      el("h3", { text: item.name }),
      el(
        "p",
        { class: "planner-train-range" },
        low !== undefined ? fill(sw.range, { low: low / per(item), high: high / per(item), unit: shownUnit(item) }) : null,
        href ? [" ", el("a", { href, text: sw.exercise_page })] : null,
      ),
      fieldsets,
      variants,
    );
  }

  function updateTargets(targets) {
    session.targets = targets;
    const refer = targets.status === "refer";
    session.referral.hidden = !refer;
    session.itemsBox.hidden = refer;
    if (refer) {
      session.referral.replaceChildren(
        el("h3", { text: sw.refer_heading }),
        el("ul", {}, (targets.reasons ?? []).map((text) => el("li", { text }))),
      );
      return;
    }
    targets.items.forEach((item, i) => {
      const groups = item.unilateral ? item.sides : [{ side: "both", sets: item.sets }];
      for (const group of groups) {
        for (const entry of group.sets) {
          const slot = session.inputs.find((s) => s.item === i && s.side === group.side && s.n === entry.set);
          if (!slot) continue;
          const parts = [
            el("strong", { text: fill(sw.target, { amount: amountText(entry, item) }) }),
            " ",
            entry.reason,
          ];
          if (entry.over_cap) parts.push(" ", el("strong", { class: "planner-train-over", text: sw.over_cap }));
          slot.target.replaceChildren(...parts);
          slot.target.dataset.target = String(entry[item.measure] / per(item)); // as typed in the box
          slot.entry = entry;
        }
      }
      const v = session.variants[i];
      const notes = [];
      if (item.easier) notes.push(fill(sw.easier, { name: item.easier.name }));
      if (item.harder) notes.push(fill(sw.harder, { name: item.harder.name }));
      v.hidden = notes.length === 0;
      v.textContent = notes.join(" ");
    });
  }

  /** The session record as the inputs hold it: per item, rounds of sets, weak side first. */
  function collect() {
    const { date, painBefore, painAfter, note } = session.fields;
    const record = { date: date.value || todayIso(), week: session.week, day: session.day, items: [] };
    const number = (input) => (input.value === "" ? null : Number(input.value));
    const where = new Map();
    session.targets.items?.forEach((item, i) => {
      const slots = session.inputs.filter((s) => s.item === i);
      const order = item.unilateral ? item.sides.map((s) => s.side) : ["both"];
      const rounds = Math.max(0, ...slots.map((s) => s.n));
      const sets = [];
      const paths = [];
      for (let n = 1; n <= rounds; n++) {
        for (const side of order) {
          const slot = slots.find((s) => s.side === side && s.n === n);
          const typed = slot ? number(slot.amount) : null;
          if (typed === null) continue;
          const set = { side, [item.measure]: typed * slot.per };
          const load = number(slot.load);
          if (load !== null) set.load_kg = load;
          sets.push(set);
          paths.push(slot);
        }
      }
      if (!sets.length) return;
      const j = record.items.length;
      record.items.push({ exercise: item.exercise, sets, index: i });
      paths.forEach((slot, k) => {
        where.set(`session.items[${j}].sets[${k}].${item.measure}`, slot.amount);
        where.set(`session.items[${j}].sets[${k}].load_kg`, slot.load);
      });
    });
    const pb = number(painBefore);
    const pa = number(painAfter);
    if (pb !== null) record.pain_before = pb;
    if (pa !== null) record.pain_after = pa;
    if (note.value.trim()) record.note = note.value;
    where.set("session.date", date);
    where.set("session.pain_before", painBefore);
    where.set("session.pain_after", painAfter);
    where.set("session.note", note);
    return { record, where };
  }

  /** The record as the log keeps it (the page's item index left out). */

  function showErrors(errors, where) {
    for (const input of panel.querySelectorAll("[aria-invalid=true]")) input.removeAttribute("aria-invalid");
    session.errors.hidden = errors.length === 0;
    if (!errors.length) {
      session.errors.replaceChildren();
      return;
    }
    const items = errors.map((e) => {
      const input = where.get(e.field);
      input?.setAttribute("aria-invalid", "true");
      const label = input ? panel.querySelector(`label[for="${input.id}"]`)?.textContent : e.field;
      return el("li", {}, input ? el("a", { href: `#${input.id}`, text: label }) : label, `: ${e.message}`);
    });
    session.errors.replaceChildren(el("p", { text: sw.errors }), el("ul", {}, items));
    session.errors.setAttribute("role", "alert");
  }

  let asking = Promise.resolve();
  let pending = 0;
  function changed(amountInput) {
    // One question at a time, in order: a quick typist's sets each get their answer.
    // data-busy says whether an answer is still coming (tests wait for it).
    pending++;
    panel.dataset.busy = "true";
    asking = asking
      .then(() => update(amountInput))
      .catch((error) => ctx.show(error.message))
      .finally(() => {
        pending--;
        if (pending === 0) panel.dataset.busy = "false";
      });
    return asking;
  }

  async function update(amountInput) {
    if (closed) return;
    const { record, where } = collect();
    const answer = await ctx.targetsFor(forLog(record));
    if (closed) return;
    if (!answer.ok) {
      showErrors(answer.errors ?? [], where);
      return;
    }
    showErrors([], where);
    session.record = record;
    updateTargets(answer.targets);
    await ctx.saveDraft(forLog(session.record), session.record);
    if (amountInput && amountInput.value !== "" && answer.targets.status !== "refer") announceNext(amountInput);
  }

  /** After a set: say the next set's target (the strong side's, capped), and rest if asked. */
  function announceNext(input) {
    const i = Number(input.dataset.item);
    const n = Number(input.dataset.set);
    const side = input.dataset.side;
    const item = session.targets.items[i];
    const order = item.unilateral ? item.sides.map((s) => s.side) : ["both"];
    const nextSide = order[(order.indexOf(side) + 1) % order.length];
    const nextN = order.indexOf(side) + 1 < order.length ? n : n + 1;
    const slot = session.inputs.find((s) => s.item === i && s.side === nextSide && s.n === nextN);
    if (slot?.entry && slot.amount.value === "") {
      ctx.show(fill(sw.announce_target, { side: sideName(nextSide), n: nextN, amount: amountText(slot.entry, item) }));
    }
    const planItem = ctx.plan.weeks?.[session.week - 1]?.sessions?.[session.day - 1]?.items?.[i];
    if (slot) session.timer.start(planItem?.rest_seconds ?? 60);
  }

  async function finish() {
    await asking;
    if (closed) return;
    const { record, where } = collect();
    const answer = await ctx.targetsFor(forLog(record));
    if (!answer.ok) {
      showErrors(answer.errors ?? [], where);
      return;
    }
    if (await ctx.onFinish(forLog(record), answer.targets)) stop();
  }

  function stop() {
    closed = true;
    session.timer?.stop(false);
  }

  renderSession(ctx.targets);
  return { stop };
}

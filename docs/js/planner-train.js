// The training companion under a plan: the training log's controls ("Start session", "Show
// progress", "Download log (JSON)", "Load log") and the session being logged
// (#planner[data-state=train]). Python (the worker) words everything (describe()'s
// messages.log), works out each set's target with the live cap, and checks every log; this
// module places those answers and keeps the log (log-store.js). The progress view is
// planner-progress.js.
import { el, siteUrl } from "./planner-dom.js";
import {
  logText,
  openLogStore,
  rawText,
  recordWith,
  StoreRefused,
  withSession,
  withTests,
} from "./log-store.js";
import { showProgress } from "./planner-progress.js";

/** "{n} sets" with {n} filled in from `values` (unknown names are left as they are). */
export const fill = (template, values = {}) =>
  String(template).replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));

/** Today where the person is (not UTC), YYYY-MM-DD. */
export function todayIso() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Save `text` as a file (a Blob: the bytes are exactly the text). */
export function saveText(text, filename, mime = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A modal question in a native <dialog> (focus moves into it, Escape cancels, focus returns).
 * `extra` are more buttons (type=button, they do not close it). Resolves true for `yes`.
 */
export function ask(message, yes, cancel, extra = []) {
  return new Promise((resolve) => {
    const dialog = el(
      "dialog",
      { class: "planner-dialog", "aria-labelledby": "pl-dialog-text" },
      el(
        "form",
        { method: "dialog" },
        el("p", { id: "pl-dialog-text", text: message }),
        el(
          "div",
          { class: "planner-dialog-buttons" },
          el("button", { class: "md-button md-button--primary", value: "yes", text: yes }),
          extra,
          el("button", { class: "md-button", value: "cancel", text: cancel }),
        ),
      ),
    );
    const opener = document.activeElement;
    dialog.addEventListener("close", () => {
      dialog.remove();
      opener?.focus?.();
      resolve(dialog.returnValue === "yes");
    });
    // Inside the planner (so the site's type and buttons apply), or the body.
    (document.querySelector("#planner") ?? document.body).append(dialog);
    dialog.showModal();
  });
}

const LOG_FILE = "even-back-log.json";
const RAW_FILE = "even-back-log-stored-data.json";
const TAB_KEY = "even-back:tab";

function tabId() {
  try {
    let id = sessionStorage.getItem(TAB_KEY);
    if (!id) {
      id = globalThis.crypto?.randomUUID?.() ?? String(Math.random());
      sessionStorage.setItem(TAB_KEY, id);
    }
    return id;
  } catch {
    return "tab";
  }
}

/**
 * The training log for the planner page. `hooks`: show (the status line), setState, siteRoot,
 * follow(profileText) (fill the form with a log's profile and plan it). Returns {attach,
 * detach, confirmForget, forget}.
 */
export function createTraining(root, runtime, info, hooks) {
  const words = info.messages.log;
  const sw = words.session;
  const tab = tabId();
  const panel = el("section", { class: "planner-train", "data-role": "train", hidden: true });
  root.append(panel);
  const stored = { store: null, status: "empty", record: null, errors: [] };
  const ready = (async () => {
    stored.store = await openLogStore();
    if (!stored.store) {
      stored.status = "unavailable";
      return;
    }
    stored.store.addEventListener("change", () => onOtherTab());
    await reread();
  })();
  let view = null; // {plan, profileText, bar, followed}
  let session = null; // the session being logged

  async function call(method, ...args) {
    return JSON.parse(await runtime.call(method, ...args));
  }

  async function reread() {
    const { status, record } = await stored.store.read();
    stored.status = status;
    stored.record = record;
    stored.errors = [];
    if (status === "ok") {
      const answer = await call("log_check", logText(record.log));
      if (!answer.ok) {
        stored.status = "corrupt";
        stored.errors = answer.errors ?? [];
      }
    }
  }

  const storedLog = () => (stored.status === "ok" ? stored.record.log : null);

  async function onOtherTab() {
    const before = stored.record?.revision;
    await reread();
    if (stored.record?.revision === before) return;
    if (view && !session) {
      await refreshBar();
      hooks.show(words.store.other_tab);
    }
  }

  // --- the bar under a plan -------------------------------------------------------------

  async function attach(result, plan, profileText) {
    detach();
    if (plan.status === "refer") return;
    const bar = el("section", { class: "planner-log", "aria-labelledby": "pl-log-heading" });
    view = { plan, profileText, bar, followed: null };
    const anchor = result.querySelector(".planner-tools") ?? result.querySelector("h2");
    if (anchor) anchor.after(bar);
    else result.prepend(bar);
    await ready;
    await refreshBar();
    const draft = storedLog() ? stored.record.drafts?.[tab] : null;
    if (draft && view?.bar === bar && view.followed) {
      const known = view.followed.sessions.some((s) => s.week === draft.week && s.day === draft.day);
      if (known) {
        await startSession(draft.week, draft.day, draft.session);
        hooks.show(sw.resumed);
      }
    }
  }

  function detach() {
    view?.bar.remove();
    view = null;
  }

  function message(kind, text, errors = [], buttons = []) {
    return el(
      "div",
      { class: `planner-log-message planner-log-${kind}`, role: kind === "problem" ? "alert" : null },
      el("p", { text }),
      errors.length ? el("ul", {}, errors.map((e) => el("li", { text: `${e.field}: ${e.message}` }))) : null,
      buttons.length ? el("div", { class: "planner-log-buttons" }, buttons) : null,
    );
  }

  const button = (text, onclick, extra = {}) =>
    el("button", { type: "button", class: "md-button", text, onclick, ...extra });

  async function refreshBar() {
    if (!view) return;
    const { bar, profileText } = view;
    const c = words.controls;
    const parts = [el("h3", { id: "pl-log-heading", text: words.heading }), el("p", { text: words.intro })];
    const log = storedLog();
    if (stored.status === "unavailable") {
      parts.push(message("problem", words.store.unavailable));
    } else if (stored.status === "corrupt" || stored.status === "newer") {
      parts.push(
        message("problem", `${words.store[stored.status]} ${words.store.blocked}`, stored.errors, [
          button(c.download_raw, () => saveText(rawText(stored.record), RAW_FILE)),
          button(c.start_new, () => startNewLog()),
        ]),
      );
    } else {
      const answer = await call("log_follow", log ? logText(log) : "", profileText, todayIso());
      if (view?.bar !== bar) return;
      view.followed = answer.ok ? answer : null;
      const n = log?.sessions?.length ?? 0;
      const count = n === 0 ? words.count.none : n === 1 ? words.count.one : fill(words.count.many, { n });
      parts.push(el("p", { class: "planner-log-count", text: count }));
      if (!answer.ok) {
        parts.push(message("problem", words.store.follow_errors, answer.errors ?? []));
      } else if (answer.sessions.length) {
        parts.push(pickSession(answer));
      }
      parts.push(
        el(
          "div",
          { class: "planner-log-buttons" },
          log ? button(c.progress, () => openProgress()) : null,
          log ? button(c.download, () => saveText(logText(stored.record.log), LOG_FILE)) : null,
          loadControl(),
        ),
      );
    }
    bar.replaceChildren(...parts);
  }

  function pickSession(followed) {
    const select = el("select", { id: "pl-log-session" });
    followed.sessions.forEach((s, i) => {
      let text = fill(words.pick.option, { week: s.week, day: s.day, title: s.title });
      if (s.today) text += words.pick.today;
      if (s.logged.length) text += fill(words.pick.logged, { dates: s.logged.join(", ") });
      const option = el("option", { value: String(i), text });
      if (i === followed.offer) option.selected = true;
      select.append(option);
    });
    return el(
      "div",
      { class: "planner-log-start" },
      el("label", { for: "pl-log-session", text: words.pick.label }),
      select,
      el("button", {
        type: "button",
        class: "md-button md-button--primary",
        text: words.controls.start,
        onclick: () => {
          const s = followed.sessions[Number(select.value)];
          startSession(s.week, s.day, null);
        },
      }),
    );
  }

  function loadControl() {
    const input = el("input", { type: "file", accept: ".json,application/json", hidden: true });
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      input.value = "";
      if (file) await loadLog(await file.text());
    });
    return [button(words.controls.load, () => input.click()), input];
  }

  function showBarMessage(node) {
    if (!view) return;
    view.bar.querySelector(".planner-log-loaded")?.remove();
    node.classList.add("planner-log-loaded");
    view.bar.querySelector("h3").after(node);
  }

  async function loadLog(text) {
    const answer = await call("log_check", text);
    if (!answer.ok) {
      showBarMessage(message("problem", words.store.load_errors, answer.errors ?? []));
      return;
    }
    const log = JSON.parse(text);
    const held = storedLog();
    const count = (held?.sessions?.length ?? 0) + (held?.tests?.length ?? 0);
    if (count > 0 || stored.status === "corrupt" || stored.status === "newer") {
      const sure = await ask(
        fill(words.dialog.replace, { n: held?.sessions?.length ?? 0 }),
        words.dialog.replace_yes,
        words.dialog.cancel,
        held ? [button(words.dialog.download_first, () => saveText(logText(held), LOG_FILE))] : [],
      );
      if (!sure) return;
    }
    try {
      if (stored.status === "corrupt" || stored.status === "newer") await stored.store.clear();
      await stored.store.update((record) => recordWith(log, record));
    } catch (error) {
      hooks.show(fill(words.store.failed, { reason: error.message }));
      return;
    }
    await reread();
    hooks.show(fill(words.store.loaded, { n: log.sessions?.length ?? 0 }));
    hooks.follow(JSON.stringify(log.profile));
  }

  async function startNewLog() {
    const sure = await ask(words.dialog.start_new, words.dialog.start_new_yes, words.dialog.cancel, [
      button(words.controls.download_raw, () => saveText(rawText(stored.record), RAW_FILE)),
    ]);
    if (!sure) return;
    await stored.store.clear();
    await reread();
    await refreshBar();
  }

  // --- a session being logged -----------------------------------------------------------

  async function write(change) {
    try {
      const record = await stored.store.update(change);
      stored.record = record;
      stored.status = record ? "ok" : "empty";
      return true;
    } catch (error) {
      if (error instanceof StoreRefused) await reread();
      hooks.show(fill(words.store.failed, { reason: error.message }));
      return false;
    }
  }

  async function startSession(week, day, draftRecord) {
    if (!view?.followed || stored.status === "unavailable") return;
    const followed = view.followed;
    if (followed.changed) {
      const ok = await write((record) => recordWith({ ...(record?.log ?? followed.log), profile: followed.log.profile }, record));
      if (!ok) return;
      followed.changed = false;
      hooks.show(words.store.followed);
    } else if (!storedLog()) {
      if (!(await write((record) => record ?? recordWith(followed.log)))) return;
    }
    const record = draftRecord ?? { date: todayIso(), week, day, items: [] };
    const answer = await targetsFor(forLog(record));
    if (!answer?.ok) return;
    session = { week, day, record, targets: answer.targets, inputs: [], timer: null };
    renderSession(answer.targets);
    await saveDraft();
    hooks.setState("train");
    panel.hidden = false;
    panel.querySelector("h2")?.focus();
    if (!draftRecord) hooks.show(fill(sw.announce_start, { week, day }));
  }

  async function targetsFor(record) {
    const answer = await call(
      "log_session_targets",
      stored.record?.revision ?? "",
      logText(storedLog() ?? view.followed.log),
      JSON.stringify(record),
      record.week,
      record.day,
    );
    if (!answer.ok && answer.internal) hooks.show(answer.message);
    return answer;
  }

  async function saveDraft() {
    if (!session) return;
    const draft = { week: session.week, day: session.day, session: session.record };
    await write((record) => {
      const base = record ?? recordWith(view.followed.log);
      return { ...base, drafts: { ...(base.drafts ?? {}), [tab]: draft } };
    });
  }

  const unit = (measure) => sw.units[measure] ?? measure;
  const sideName = (side) => sw.side_names[side] ?? side;
  const amountText = (entry, measure) => {
    const n = entry[measure];
    return entry.load_kg !== undefined && entry.load_kg !== null
      ? fill(sw.amount_load, { n, unit: unit(measure), load: entry.load_kg })
      : fill(sw.amount, { n, unit: unit(measure) });
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
    const weekPlan = view.plan.weeks?.[session.week - 1];
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
    const timer = restTimer();
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
        button(c.leave, () => leave()),
      ),
    );
    for (const input of [date, painBefore, painAfter, note]) input.addEventListener("change", () => changed(null));
    updateTargets(targets);
  }

  function itemBlock(item, i, planItem) {
    const href = siteUrl(hooks.siteRoot, planItem?.page ?? `/exercises/${item.exercise}/`);
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
        const amount = numberInput(`${base}-amount`, { min: 0, max: item.measure === "reps" ? 1000 : 3600, step, value: done[k]?.[item.measure] });
        const load = numberInput(`${base}-load`, { min: 0, max: 1000, step: "any", value: done[k]?.load_kg });
        const target = el("p", { class: "planner-train-target", id: `${base}-target` });
        amount.setAttribute("aria-describedby", target.id);
        amount.dataset.item = String(i);
        amount.dataset.side = side;
        amount.dataset.set = String(n);
        amount.addEventListener("change", () => changed(amount));
        load.addEventListener("change", () => changed(null));
        session.inputs.push({ item: i, side, n, measure: item.measure, amount, load, target });
        const label = fill(sw.set, { side: sideName(side), n, unit: unit(item.measure) });
        return el(
          "div",
          { class: "planner-train-set" },
          el("div", { class: "planner-train-amount" }, el("label", { for: amount.id, text: label }), amount),
          el(
            "div",
            { class: "planner-train-load" },
            el("label", { for: load.id, text: fill(sw.load, { side: sideName(side), n }) }),
            load,
          ),
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
        low !== undefined ? fill(sw.range, { low, high, unit: unit(item.measure) }) : null,
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
            el("strong", { text: fill(sw.target, { amount: amountText(entry, item.measure) }) }),
            " ",
            entry.reason,
          ];
          if (entry.over_cap) parts.push(" ", el("strong", { class: "planner-train-over", text: sw.over_cap }));
          slot.target.replaceChildren(...parts);
          slot.target.dataset.target = String(entry[item.measure]);
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
          const amount = slot ? number(slot.amount) : null;
          if (amount === null) continue;
          const set = { side, [item.measure]: amount };
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
  const forLog = (record) => ({ ...record, items: record.items.map(({ exercise, sets }) => ({ exercise, sets })) });

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
      .catch((error) => hooks.show(error.message))
      .finally(() => {
        pending--;
        if (pending === 0) panel.dataset.busy = "false";
      });
    return asking;
  }

  async function update(amountInput) {
    if (!session) return;
    const { record, where } = collect();
    const answer = await targetsFor(forLog(record));
    if (!session) return;
    if (!answer.ok) {
      showErrors(answer.errors ?? [], where);
      return;
    }
    showErrors([], where);
    session.record = record;
    updateTargets(answer.targets);
    await saveDraft();
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
      hooks.show(fill(sw.announce_target, { side: sideName(nextSide), n: nextN, amount: amountText(slot.entry, item.measure) }));
    }
    const planItem = view.plan.weeks?.[session.week - 1]?.sessions?.[session.day - 1]?.items?.[i];
    if (slot) session.timer.start(planItem?.rest_seconds ?? 60);
  }

  function restTimer() {
    const t = words.timer;
    const use = el("input", { type: "checkbox", id: "pl-train-timer" });
    const sound = el("input", { type: "checkbox", id: "pl-train-sound" });
    const left = el("p", { class: "planner-train-clock", role: "timer", hidden: true });
    const skip = button(words.controls.skip_rest, () => stop(false), { hidden: true });
    let interval = null;
    let audio = null;
    sound.addEventListener("change", () => {
      if (sound.checked && !audio && typeof AudioContext === "function") audio = new AudioContext();
    });
    const beep = () => {
      if (!sound.checked || !audio) return;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      gain.gain.value = 0.1;
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.25);
    };
    function stop(finished) {
      clearInterval(interval);
      interval = null;
      left.hidden = true;
      skip.hidden = true;
      if (finished) {
        hooks.show(t.done);
        beep();
      }
    }
    function start(seconds) {
      if (!use.checked || !(seconds > 0)) return;
      stop(false);
      let remaining = Math.round(seconds);
      left.textContent = fill(t.running, { s: remaining });
      left.hidden = false;
      skip.hidden = false;
      hooks.show(fill(t.start, { s: remaining }));
      interval = setInterval(() => {
        remaining -= 1;
        if (remaining <= 0 || !left.isConnected) stop(left.isConnected);
        else left.textContent = fill(t.running, { s: remaining });
      }, 1000);
    }
    const node = el(
      "div",
      { class: "planner-train-timer" },
      el("div", { class: "planner-train-check" }, use, el("label", { for: use.id, text: t.use })),
      el("div", { class: "planner-train-check" }, sound, el("label", { for: sound.id, text: t.sound })),
      left,
      skip,
    );
    return { node, start, stop };
  }

  async function finish() {
    await asking;
    if (!session) return;
    const { record, where } = collect();
    const answer = await targetsFor(forLog(record));
    if (!answer.ok) {
      showErrors(answer.errors ?? [], where);
      return;
    }
    const saved = forLog(record);
    const followedLog = view.followed.log;
    const ok = await write((current) => {
      const next = recordWith(withSession(current?.log ?? followedLog, saved), current);
      delete next.drafts[tab];
      return next;
    });
    if (!ok) return;
    close();
    hooks.show(fill(sw.saved, { week: saved.week, day: saved.day, date: saved.date }));
    await refreshBar();
    if (answer.targets.status === "refer") {
      showBarMessage(message("problem", sw.refer_heading, [], []));
      view.bar.querySelector(".planner-log-loaded")?.append(
        el("ul", {}, (answer.targets.reasons ?? []).map((text) => el("li", { text }))),
      );
    }
  }

  async function leave() {
    const sure = await ask(words.dialog.leave, words.dialog.leave_yes, words.dialog.cancel);
    if (!sure || !session) return;
    await write((current) => {
      if (!current) return undefined;
      const next = { ...current, drafts: { ...(current.drafts ?? {}) } };
      delete next.drafts[tab];
      return next;
    });
    close();
    hooks.show(sw.left);
  }

  /** Back to the plan from the session or the progress view. */
  function close() {
    session?.timer?.stop(false);
    session = null;
    panel.hidden = true;
    panel.replaceChildren();
    hooks.setState("plan");
    (view?.bar.querySelector("h3") ?? root.querySelector("[data-role=result] h2"))?.setAttribute("tabindex", "-1");
    (view?.bar.querySelector("h3") ?? root.querySelector("[data-role=result] h2"))?.focus();
  }

  // --- progress -------------------------------------------------------------------------

  async function openProgress() {
    const log = storedLog();
    if (!log) return;
    hooks.setState("progress");
    panel.hidden = false;
    await showProgress(panel, {
      words,
      info,
      call,
      log,
      siteRoot: hooks.siteRoot,
      show: hooks.show,
      back: () => close(),
      addTests: async (day) => {
        let added = null;
        const ok = await write((current) => {
          const base = current ?? recordWith(log);
          added = withTests(base.log, day);
          return recordWith(added, base);
        });
        return ok ? added : null;
      },
    });
  }

  // --- forgetting -----------------------------------------------------------------------

  async function confirmForget() {
    await ready;
    if (stored.status === "empty" || stored.status === "unavailable") return true;
    const held = storedLog();
    return ask(
      fill(words.dialog.forget, { n: held?.sessions?.length ?? 0 }),
      words.dialog.forget_yes,
      words.dialog.cancel,
      held
        ? [button(words.dialog.download_first, () => saveText(logText(held), LOG_FILE))]
        : [button(words.controls.download_raw, () => saveText(rawText(stored.record), RAW_FILE))],
    );
  }

  async function forget() {
    session = null;
    panel.hidden = true;
    panel.replaceChildren();
    detach();
    if (stored.store) {
      await stored.store.clear();
      await reread();
    }
  }

  async function hasLog() {
    await ready;
    return stored.status !== "empty" && stored.status !== "unavailable";
  }

  return { attach, detach, confirmForget, forget, hasLog };
}

// The training companion under a plan: the training log's controls ("Start session", "Show
// progress", "Download log (JSON)", "Load log") and the session being logged
// (#planner[data-state=train]). Python (the worker) words everything (describe()'s
// messages.log), works out each set's target with the live cap, and checks every log; this
// module places those answers and keeps the log (log-store.js). The progress view is
// planner-progress.js.
import { el } from "./planner-dom.js";
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
import { createSession, forLog } from "./planner-session.js";
import { ask, fill, saveText, todayIso } from "./planner-train-ui.js";

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
    session = createSession(panel, {
      words,
      plan: view.plan,
      week,
      day,
      record,
      targets: answer.targets,
      siteRoot: hooks.siteRoot,
      show: hooks.show,
      targetsFor,
      saveDraft: (logged, pageRecord) => saveDraft(week, day, pageRecord),
      onFinish: finish,
      onLeave: leave,
    });
    await saveDraft(week, day, record);
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

  async function saveDraft(week, day, pageRecord) {
    if (!session && pageRecord === undefined) return;
    const draft = { week, day, session: pageRecord };
    await write((record) => {
      const base = record ?? recordWith(view.followed.log);
      return { ...base, drafts: { ...(base.drafts ?? {}), [tab]: draft } };
    });
  }

  async function finish(saved, targets) {
    const followedLog = view.followed.log;
    const ok = await write((current) => {
      const next = recordWith(withSession(current?.log ?? followedLog, saved), current);
      delete next.drafts[tab];
      return next;
    });
    if (!ok) return false;
    close();
    hooks.show(fill(sw.saved, { week: saved.week, day: saved.day, date: saved.date }));
    await refreshBar();
    if (targets.status === "refer") {
      showBarMessage(message("problem", sw.refer_heading, [], []));
      view.bar.querySelector(".planner-log-loaded")?.append(
        el("ul", {}, (targets.reasons ?? []).map((text) => el("li", { text }))),
      );
    }
    return true;
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
    session?.stop();
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
    session?.stop();
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

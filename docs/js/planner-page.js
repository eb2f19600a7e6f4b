// The planner page: binds the #planner element to the shared runtime. Called on every visit,
// including returns through instant navigation (site.js calls mount() from document$).
// Python (in the worker) defines the form, checks the answers, makes the plan and every export;
// this module moves data between the worker and the DOM, and sets #planner's data-state:
// loading -> ready -> plan | refer | error.
import { getRuntime } from "./runtime.js";
import { el } from "./planner-dom.js";
import { buildForm } from "./planner-form.js";
import { renderPlan, renderReferral } from "./planner-view.js";
import { keepPlace, restorePlace } from "./planner-place.js";
import { downloadButtons } from "./planner-downloads.js";
import * as share from "./planner-share.js";
import * as lastPlan from "./last-plan.js";
import { createTraining } from "./planner-train.js";

// Runtimes whose first plan has been made: Python's first plan pays for imports and caches
// (about 300 ms); making one quietly after start-up keeps the person's first plan fast.
const warmed = new WeakSet();

function setState(root, state) {
  root.dataset.state = state;
  root.setAttribute("aria-busy", state === "loading" ? "true" : "false");
  // While a session or the progress is shown, the page's own text steps aside
  // (planner-train.css). An attribute on the page's text, set only as that changes, and not
  // a :has() rule, which made the browser restyle the whole page on every state change.
  const training = state === "train" || state === "progress";
  const page = root.parentElement;
  if (page && page.hasAttribute("data-planner-training") !== training) {
    page.toggleAttribute("data-planner-training", training);
  }
}

/** Today's date where the person is (not UTC), as YYYY-MM-DD: the calendar's default start. */
function todayIso() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function mount(root) {
  const runtime = getRuntime(Number(root.dataset.startTimeout));
  const status = root.querySelector("[data-role=status]");
  const bar = root.querySelector("[data-role=progress]");
  const show = (text) => {
    if (status) status.textContent = text;
  };
  // The form's description is in the page (the build asks Python's describe() for it), so the
  // form is there at once and the person can fill it in while the runtime starts.
  const description = pageDescription(root);
  let ui = null;

  const onProgress = () => {
    if (bar) bar.value = runtime.progress.percent;
    if (!ui?.busy()) show(`${runtime.progress.label}…`);
  };
  const onReady = async () => {
    if (bar) bar.hidden = true;
    // The versions are on the About page; the status line says what a person needs to know.
    // What the runtime reported stays on #planner for scripts (the planner and its Python).
    const { version, python } = runtime.info;
    root.dataset.plannerVersion = version;
    root.dataset.python = python;
    if (!ui?.busy()) show(description?.messages?.ready ?? "Planner ready.");
    if (root.dataset.state === "loading") setState(root, "ready");
    if (!ui) {
      // A page without the build's description (not expected) asks the runtime for it.
      try {
        ui = start(root, runtime, show, description ?? JSON.parse(await runtime.call("describe")));
      } catch (error) {
        show(`The planner could not build its form (${error.message}).`);
        setState(root, "error");
        return;
      }
    }
    ui?.runtimeReady();
  };
  const onFailed = () => {
    if (bar) bar.hidden = true;
    show(`${runtime.error} You can still use the command-line planner: python -m planner.`);
    setState(root, "error");
    ui?.runtimeFailed();
  };

  // Whether the engine started from (or has kept) its snapshot, for scripts and tests.
  const onSnapshot = () => {
    if (!root.isConnected) runtime.removeEventListener("snapshot", onSnapshot);
    else if (runtime.snapshot) root.dataset.snapshot = runtime.snapshot;
  };
  runtime.addEventListener("snapshot", onSnapshot);
  onSnapshot();

  if (runtime.state === "ready") return onReady();
  // A runtime that failed still gets the form (answers can be typed; "Try again" restarts it
  // in place, js/planner-offline.js): ready and failed stay bound for that retry.
  setState(root, "loading");
  onProgress();
  if (description) ui = start(root, runtime, show, description);
  runtime.addEventListener("progress", onProgress);
  runtime.addEventListener("ready", onReady, { once: true });
  runtime.addEventListener("failed", onFailed);
  if (runtime.state === "failed") onFailed();
}

/** describe()'s answer as the build put it in the page (data-description), or null. */
function pageDescription(root) {
  try {
    return root.dataset.description ? JSON.parse(root.dataset.description) : null;
  } catch {
    return null;
  }
}

/** Links the page's own Markdown provides (so MkDocs checks them): self-test pages and the root. */
function pageLinks() {
  const overview = document.querySelector("a[data-selftests]");
  const tests = {};
  for (const link of document.querySelectorAll("a[data-test]")) tests[link.dataset.test] = link.href;
  const siteRoot = overview ? new URL("../", overview.href) : new URL("..", location.href);
  return { selftests: overview?.href ?? null, tests, siteRoot };
}

/**
 * Build the form from `info` (describe()'s answer) and bind it. Returns {busy, runtimeReady}:
 * whether a plan is under way, and what to do once the runtime is ready (plan a share link or
 * the remembered answers, unless the person has changed the form since).
 */
function start(root, runtime, show, info) {
  if (!root.isConnected || root.dataset.mounted === "true") return null;
  root.dataset.mounted = "true";
  const links = pageLinks();
  let sequence = 0;

  const result = el("section", {
    class: "planner-result",
    "data-role": "result",
    "aria-label": "Your plan",
    hidden: true,
  });
  const forgetButton = el("button", {
    type: "button",
    class: "md-button planner-forget",
    text: "Forget my details",
  });
  const remembered = el(
    "div",
    { class: "planner-remembered", "data-role": "remembered", hidden: true },
    el("p", {
      text:
        "This browser remembers your last answers (only on this device), so your plan is here " +
        "when you come back.",
    }),
    forgetButton,
  );
  const form = buildForm(info, links, () => {
    const text = JSON.stringify(form.read());
    makePlan(text, { source: "form", focus: true });
  });
  // Said when a self-test page opened the form with its results (kept until a plan is made).
  const prefillNote = el("p", { class: "planner-prefill-note", "data-role": "prefill", hidden: true });
  // "Forget my details" sits above the plan, near its top, not under a long plan.
  root.append(remembered, prefillNote, result, form.form);
  keepPlace(result);
  const training = trainingFor(root, runtime, info, show, links, (text) => {
    form.fill(parseOrNull(text));
    makePlan(text, { source: "form", focus: true });
  });

  const updateRemembered = () => {
    remembered.hidden = share.recall() === null;
  };

  const focus = (node, always) => {
    if (!node) return;
    const idle = !document.activeElement || document.activeElement === document.body;
    if (always || idle) node.focus({ preventScroll: false });
  };

  const showProblems = (errors, source, focusNow) => {
    result.hidden = true;
    result.replaceChildren();
    const label = { link: "Share link", stored: "Your saved answers" }[source] ?? "Your answers";
    const target = form.showErrors(source === "link" ? linkProblems(errors, info) : errors, label);
    setState(root, "error");
    const count = errors.length;
    show(
      count === 1
        ? "One answer needs a change: see the message above the form."
        : `${count} answers need a change: see the messages above the form.`,
    );
    focus(target, focusNow);
  };

  let planning = 0;
  async function makePlan(text, options) {
    planning++;
    try {
      await planAndShow(text, options);
    } finally {
      planning--;
    }
  }

  async function planAndShow(text, { source, focus: focusNow }) {
    const mine = ++sequence;
    form.clearErrors();
    prefillNote.hidden = true;
    if (runtime.state === "ready") {
      show("Making your plan…");
    } else {
      show("Making your plan as soon as the planner has started…");
      // The form's button may be a long way below the status line: bring the line into view.
      root.querySelector("[data-role=status]")?.scrollIntoView({ block: "center" });
    }
    let answer;
    try {
      // Only what the first paint needs: the plan and its words. The downloads' texts are
      // made after it is on screen (exportsFor), not before.
      const reply = await runtime.call("plan_view", text, todayIso());
      // The longest plans' JSON (a few MB) is parsed in a task of its own; a usual one (about
      // 100 KB, a millisecond to parse) is not kept waiting behind other tasks.
      if (reply.length > LONG_REPLY) await nextTask();
      answer = JSON.parse(reply);
    } catch (error) {
      if (mine !== sequence) return;
      show(`The planner could not make a plan: ${error.message} You can still use the command-line planner: python -m planner.`);
      setState(root, "error");
      return;
    }
    if (mine !== sequence || !root.isConnected) return;
    if (answer.internal) {
      // A fault of the planner's own, not of the answers: Python's message says so.
      result.hidden = true;
      result.replaceChildren();
      show(answer.message);
      setState(root, "error");
      return;
    }
    if (!answer.ok) {
      showProblems(answer.errors ?? [], source, focusNow);
      return;
    }
    const { plan, display: words } = answer;
    const today = todayIso();
    const shareUrl = share.writeFragment(text);
    share.remember(text);
    updateRemembered();
    const exports = exportsFor(runtime, text, today, offeredFormats(info));
    // Once the plan is on screen, in idle time: the downloads' texts, then the plan kept in
    // this browser with them (the last plan stores every download's text).
    afterPaint(() =>
      exports().then(
        (texts) => mine === sequence && lastPlan.keep(text, { display: words, exports: texts }, today),
        () => {},
      ),
    );
    const tools = planTools(exports, info.downloads, shareUrl, plan.status === "refer", form, show);
    result.hidden = false;
    result.dataset.kind = plan.status === "refer" ? "refer" : "plan";
    delete result.dataset.urgency;
    let heading;
    if (plan.status === "refer") {
      heading = renderReferral(result, plan, words, { tools });
      training.detach();
      setState(root, "refer");
      show(words.announce);
    } else {
      root.setAttribute("aria-busy", "true");
      if (result.firstChild) {
        result.replaceChildren(); // dropping a shown plan's nodes takes a task of its own
        await nextTask();
        if (mine !== sequence || !root.isConnected) return;
      }
      const shown = renderPlan(result, plan, words, { siteRoot: links.siteRoot, tools, shareUrl, today });
      heading = shown.heading;
      setState(root, "plan");
      show(words.announce);
      // The open week is on screen; the others are filled in the next tasks (busy until then).
      root.setAttribute("aria-busy", "true");
      shown.complete.then(() => {
        if (mine === sequence && root.isConnected) root.setAttribute("aria-busy", "false");
      });
      training.attach(result, plan, text).catch((error) => show(error.message));
      if (source !== "form" && restorePlace(result, shown.fillOpen)) return;
    }
    focus(heading, focusNow);
  }

  forgetButton.addEventListener("click", async () => {
    // The training log goes too, after asking (a dialog) when there is one.
    const hadLog = await training.hasLog();
    if (!(await training.confirmForget())) return;
    await training.forget();
    sequence++;
    share.forget();
    lastPlan.forget();
    share.clearFragment();
    form.reset();
    form.clearErrors();
    result.hidden = true;
    result.replaceChildren();
    updateRemembered();
    setState(root, "ready");
    show(hadLog ? info.messages.log.store.forgotten : "Your details were forgotten: nothing about you is kept in this browser now.");
    form.form.querySelector("h2")?.focus();
  });

  // A share link's answers go into the form at once; its plan is made now (planNow) or once
  // the runtime is ready. Returns what was opened, or null without a profile fragment.
  const openFragment = (focusNow, planNow) => {
    const fragment = share.readFragment(location.hash, {
      maxChars: info.limits.share_link_chars,
      problems: info.messages.share_link,
    });
    if (fragment === null) return null;
    if (fragment.problem) {
      sequence++;
      form.reset();
      showProblems([{ field: "profile", message: fragment.problem, kind: fragment.kind }], "link", focusNow);
      return { text: null, source: "link" };
    }
    form.fill(parseOrNull(fragment.text));
    if (fragment.prefill) {
      // A self-test page's results: into the form, and the safety questions in view. No plan
      // is made until the person asks for one (every route into a plan goes through them).
      sequence++;
      result.hidden = true;
      result.replaceChildren();
      if (root.dataset.state !== "loading") setState(root, "ready");
      prefillNote.textContent = info.messages.prefill;
      prefillNote.hidden = false;
      showSafety();
      return { text: null, source: "prefill" };
    }
    if (planNow) makePlan(fragment.text, { source: "link", focus: focusNow });
    return { text: fragment.text, source: "link" };
  };

  // The safety questions, scrolled into view and focused (their group is announced by name).
  const showSafety = () => {
    const safety = form.form.querySelector('[data-field="red_flags"]');
    if (!safety) return;
    safety.setAttribute("tabindex", "-1");
    safety.scrollIntoView({ block: "start" });
    safety.focus({ preventScroll: true });
  };

  const onHashChange = () => {
    if (!root.isConnected) {
      window.removeEventListener("hashchange", onHashChange);
      return;
    }
    openFragment(true, true);
  };
  window.addEventListener("hashchange", onHashChange);

  // Answers typed before the runtime is ready are the person's: nothing overwrites them.
  let edited = false;
  form.form.addEventListener("input", () => (edited = true));
  form.form.addEventListener("change", () => (edited = true));

  updateRemembered();
  const pending = openFragment(false, false) ?? restoreStored();
  root.setAttribute("aria-busy", "false"); // the form is usable while the runtime starts

  return {
    busy: () => planning > 0,
    runtimeReady() {
      if (pending?.text && !edited && planning === 0) {
        makePlan(pending.text, { source: pending.source, focus: false });
      } else if (!pending?.text && planning === 0 && !warmed.has(runtime)) {
        runtime.call("make_plan", "{}", todayIso(), offeredFormats(info)).catch(() => {});
      }
      warmed.add(runtime);
    },
    runtimeFailed() {
      if (planning > 0) return;
      const mine = sequence;
      const current = () => mine === sequence && planning === 0 && root.isConnected;
      const tools = (exports, shareUrl, referral) =>
        planTools(exports, info.downloads, shareUrl, referral, form, show);
      showKeptPlan(root, result, runtime, show, { info, links, tools, current, text: pending?.text });
    },
  };

  function restoreStored() {
    const stored = share.recall();
    if (stored === null) return null;
    form.fill(parseOrNull(stored));
    return { text: stored, source: "stored" };
  }
}

/**
 * The engine could not start: show the last plan this browser kept for these answers
 * (js/last-plan.js), with its downloads and share link, and say what works once online.
 */
async function showKeptPlan(root, result, runtime, show, { info, links, tools, current, text }) {
  const messages = info.messages?.last_plan;
  const kind = await lastPlan.showKept(result, {
    profileText: text,
    messages,
    siteRoot: links.siteRoot,
    tools,
    current,
  });
  if (!kind || !current()) return;
  setState(root, kind);
  show(`${runtime.reason ?? ""} ${messages.status}`.trim());
}

/** The training log under a plan (planner-train.js), bound to this page's status and form. */
function trainingFor(root, runtime, info, show, links, follow) {
  const setTrainState = (state) => setState(root, state);
  return createTraining(root, runtime, info, { show, setState: setTrainState, siteRoot: links.siteRoot, follow });
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
// A plan's JSON longer than this (characters) is parsed in a task of its own.
const LONG_REPLY = 1_000_000;

/** Run `work` once the browser has painted what is on screen now and is idle. */
function afterPaint(work) {
  requestAnimationFrame(() =>
    setTimeout(() => (window.requestIdleCallback ? requestIdleCallback(work, { timeout: 1000 }) : work()), 0),
  );
}

/**
 * The downloads' texts of the plan for `text` on `today`, asked of the worker on first use
 * (plan_exports renders from the plan plan_view just made): a function returning one promise.
 */
function exportsFor(runtime, text, today, formats) {
  let texts = null;
  return () => {
    texts ??= runtime.call("plan_exports", text, today, formats).then((reply) => {
      const answer = JSON.parse(reply);
      if (!answer.ok) throw new Error(answer.message ?? "the downloads could not be made");
      return answer.exports;
    });
    texts.catch(() => (texts = null)); // a failed attempt is tried again on the next use
    return texts;
  };
}

/** The export formats the page offers as downloads (make_plan renders only those). */
function offeredFormats(info) {
  return (info.downloads ?? []).map((d) => d.format).join(",");
}

/** A share link's problems as the form shows them: a damaged link (not decodable, or not a
 * set of answers) says so in plain words, and what exactly is wrong goes behind a disclosure
 * (describe()'s messages.share_link); a link that is only too long says so as it is. */
function linkProblems(errors, info) {
  const words = info.messages?.share_link ?? {};
  if (!words.damaged) return errors;
  return errors.map((error) => {
    if (error.field === "profile" && error.kind !== "too_long") {
      return { field: "profile", message: words.damaged, detail: error.message, detailLabel: words.details };
    }
    return error.plain ? { ...error, detail: error.message, detailLabel: words.details } : error;
  });
}

function parseOrNull(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Downloads, the share link, print and "change my answers" under a plan's heading. */
function planTools(exports, downloads, shareUrl, referral, form, show) {
  const linkInput = el("input", {
    type: "text",
    readonly: true,
    id: "pl-share-url",
    class: "planner-share-url",
    "aria-describedby": "pl-share-hint",
  });
  linkInput.value = shareUrl;
  const copy = el("button", {
    type: "button",
    class: "md-button",
    text: "Copy link",
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(shareUrl);
        show("The share link is copied.");
      } catch {
        linkInput.focus();
        linkInput.select();
        show("Copying was not allowed here: the link is selected, press Ctrl+C (or ⌘+C) to copy it.");
      }
    },
  });
  return el(
    "div",
    { class: "planner-tools" },
    referral ? null : downloadButtons(exports, downloads, show),
    el(
      "div",
      { class: "planner-share" },
      el("label", { for: "pl-share-url", text: "Share link" }),
      el("p", {
        class: "planner-hint",
        id: "pl-share-hint",
        text: "Opens these answers in the planner on any device. The answers are inside the link itself.",
      }),
      el("div", { class: "planner-share-row" }, linkInput, copy),
    ),
    el(
      "div",
      { class: "planner-more" },
      el("button", { type: "button", class: "md-button", text: "Print", onclick: () => window.print() }),
      el("button", {
        type: "button",
        class: "md-button",
        text: "Change my answers",
        onclick: () => {
          const first = form.form.querySelector("input");
          form.form.scrollIntoView({ block: "start" });
          first?.focus({ preventScroll: true });
        },
      }),
    ),
  );
}

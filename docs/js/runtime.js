// One planner runtime per document: the worker starts once and survives Material's instant
// navigation, so coming back to the planner page a second or third time reuses it.
//
// Time-outs, for a phone in a gym with a poor signal: the runtime is about 6.3 MB as GitHub
// Pages sends it (gzip), which takes about 50 s at 1 Mbit/s and over 4 minutes at 200 kbit/s.
// So a start is given up only when NOTHING has arrived for STALL_MS (the connection is gone
// or hangs), or after START_TIMEOUT_MS in all (a page may ask for another via
// data-start-timeout). While bytes keep arriving, the bar moves and the page keeps waiting.
// retry() starts a new worker in place (the page is not reloaded, the form keeps its answers).
const START_TIMEOUT_MS = 600_000;
const STALL_MS = 45_000;
let runtime = null;

// Why the engine did not start, offline; and what will work once online (a page that can show
// the last plan from storage says something else there: js/last-plan.js).
const OFFLINE_REASON =
  "The planner's engine could not be downloaded: this device seems to be offline and has not " +
  "kept it yet.";
const OFFLINE_TEXT =
  `${OFFLINE_REASON} Your answers are kept on this page; once you are online, choose Try again ` +
  "to make plans, downloads and share links.";

// The snapshot of the started planner that later starts restore (js/planner-worker.js): made
// once per device and build, by a worker of its own started SNAPSHOT_DELAY_MS after this page's
// planner is ready (then when the browser is idle), so it never slows this start or a plan.
// this.snapshot: "restored" (this start used it), "absent" (none kept), "making", "stored",
// "failed", "unavailable" (no private file system to keep it in, or the standard runtime
// files are in use), or "off" (window.evenBackSnapshots = "off", set before the page's
// scripts: the browser tests do this where a snapshot would never be restored,
// tests/browser/_contexts.py).
const SNAPSHOT_DELAY_MS = 1000;
const SNAPSHOT_TIMEOUT_MS = 120_000; // the runtime is kept by then: a maker that has not
// answered is stuck, and is stopped (the next start tries again)

class Runtime extends EventTarget {
  constructor(timeoutMs = START_TIMEOUT_MS) {
    super();
    this.timeoutMs = timeoutMs;
    this.info = null;
    this.snapshot = null;
    this.pending = new Map();
    this.nextId = 1;
    this.begin(true);
  }

  begin(adoptBoot) {
    this.state = "loading";
    this.error = null;
    this.reason = null;
    this.progress = { percent: 0, label: "Starting", loaded: 0, total: 0 };
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {});
    this.timer = setTimeout(
      () => this.fail(`The planner's engine did not start within ${Math.round(this.timeoutMs / 1000)} seconds.`),
      this.timeoutMs,
    );
    this.watchStall();
    // The planner page starts the worker in an inline script while it is still loading
    // (window.evenBackBoot); it is adopted here with the messages it has sent so far.
    // Otherwise (or if that failed, or on a retry) the worker starts now.
    const boot = adoptBoot ? window.evenBackBoot : null;
    let early = [];
    if (boot?.worker && !boot.adopted) {
      boot.adopted = true;
      this.worker = boot.worker;
      early = boot.early;
    } else {
      try {
        this.worker = new Worker(new URL("./planner-worker.js", import.meta.url), {
          type: "module",
        });
      } catch (error) {
        this.fail(`This browser could not start the planner's worker (${error.message}).`);
        return;
      }
    }
    const worker = this.worker;
    const onError = (event) => {
      event.preventDefault?.();
      if (worker !== this.worker) return;
      this.fail(`The planner's worker stopped: ${event.message || "its script could not be loaded"}.`);
    };
    worker.addEventListener("message", (event) => {
      if (worker === this.worker) this.onMessage(event.data);
    });
    worker.addEventListener("error", onError);
    boot?.release?.();
    for (const event of early) {
      if (event.type === "error") onError(event);
      else this.onMessage(event.data);
    }
  }

  watchStall() {
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(() => {
      if (navigator.onLine === false) this.fail(OFFLINE_TEXT, OFFLINE_REASON);
      else this.fail(`Nothing of the planner's engine arrived for ${STALL_MS / 1000} seconds: the connection seems to have stopped.`);
    }, STALL_MS);
  }

  onMessage(message) {
    if (message.type === "progress") {
      if (this.state !== "loading") return;
      this.watchStall();
      this.progress = {
        percent: message.percent,
        label: message.label,
        loaded: message.loaded ?? 0,
        total: message.total ?? 0,
      };
      this.dispatchEvent(new CustomEvent("progress", { detail: this.progress }));
    } else if (message.type === "ready") {
      clearTimeout(this.timer);
      clearTimeout(this.stallTimer);
      this.state = "ready";
      this.info = message.info;
      const snapshot = message.info.snapshot ?? "unavailable";
      this.setSnapshot(snapshot === "absent" && window.evenBackSnapshots === "off" ? "off" : snapshot);
      this.resolveReady(message.info);
      this.dispatchEvent(new CustomEvent("ready", { detail: message.info }));
      if (this.snapshot === "absent") this.makeSnapshotLater();
    } else if (message.type === "failed") {
      if (message.network && navigator.onLine === false) this.fail(OFFLINE_TEXT, OFFLINE_REASON);
      else if (message.network) this.fail(`The planner's engine could not be downloaded (${message.message}).`);
      else this.fail(`The planner's engine could not start: ${message.message}`);
    } else if (typeof message.id === "number" && this.pending.has(message.id)) {
      const { resolve, reject } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if ("error" in message) reject(new Error(message.error));
      else resolve(message.result);
    }
  }

  setSnapshot(state) {
    this.snapshot = state;
    this.dispatchEvent(new CustomEvent("snapshot", { detail: state }));
  }

  /** Has a snapshot made by a worker of its own, once the page has been idle a moment. */
  makeSnapshotLater() {
    const idle = window.requestIdleCallback ?? ((run) => setTimeout(run, 0));
    setTimeout(() => idle(() => this.makeSnapshot(), { timeout: 5000 }), SNAPSHOT_DELAY_MS);
  }

  makeSnapshot() {
    if (this.snapshot !== "absent") return;
    this.setSnapshot("making");
    let worker;
    try {
      worker = new Worker(new URL("./planner-worker.js", import.meta.url), {
        type: "module",
        name: "even-back-snapshot",
      });
    } catch {
      this.setSnapshot("failed");
      return;
    }
    let timer = null;
    const done = (stored) => {
      clearTimeout(timer);
      worker.terminate();
      if (this.snapshot === "making") this.setSnapshot(stored ? "stored" : "failed");
    };
    timer = setTimeout(() => done(false), SNAPSHOT_TIMEOUT_MS);
    worker.addEventListener("message", ({ data }) => {
      if (data?.type === "snapshot") {
        if (!data.stored) console.warn("The planner's snapshot was not kept:", data.message);
        done(Boolean(data.stored));
      } else if (data?.type === "failed" || data?.type === "ready") {
        done(false); // not a maker
      }
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault?.();
      done(false);
    });
  }

  /** Give up the start: `text` is the whole message, `reason` only why (without what to do). */
  fail(text, reason = text) {
    if (this.state !== "loading") return;
    clearTimeout(this.timer);
    clearTimeout(this.stallTimer);
    this.state = "failed";
    this.error = text;
    this.reason = reason;
    this.worker?.terminate();
    this.rejectReady(new Error(text));
    for (const { reject } of this.pending.values()) reject(new Error(text));
    this.pending.clear();
    this.dispatchEvent(new CustomEvent("failed", { detail: text }));
  }

  /** Start again after a failure, in place: a new worker, the same page and answers. */
  retry() {
    if (this.state !== "failed") return;
    this.begin(false);
    this.dispatchEvent(new CustomEvent("retry"));
  }

  async call(method, ...args) {
    await this.ready;
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, method, args });
    });
  }
}

export function getRuntime(timeoutMs) {
  runtime ??= new Runtime(timeoutMs > 0 ? timeoutMs : START_TIMEOUT_MS);
  return runtime;
}

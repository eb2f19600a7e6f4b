// One planner runtime per document: the worker starts once and survives Material's instant
// navigation, so coming back to the planner page a second or third time reuses it.
const START_TIMEOUT_MS = 90_000; // default; a page may ask for another via data-start-timeout
let runtime = null;

class Runtime extends EventTarget {
  constructor(timeoutMs = START_TIMEOUT_MS) {
    super();
    this.state = "loading";
    this.info = null;
    this.error = null;
    this.progress = { percent: 0, label: "Starting" };
    this.pending = new Map();
    this.nextId = 1;
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {});
    this.timer = setTimeout(
      () => this.fail(`The planner's engine did not start within ${timeoutMs / 1000} seconds.`),
      timeoutMs,
    );
    // The planner page starts the worker in an inline script while it is still loading
    // (window.evenBackBoot); it is adopted here with the messages it has sent so far.
    // Otherwise (or if that failed) the worker starts now.
    const boot = window.evenBackBoot;
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
    const onError = (event) => {
      event.preventDefault?.();
      this.fail(`The planner's worker stopped: ${event.message || "its script could not be loaded"}.`);
    };
    this.worker.addEventListener("message", (event) => this.onMessage(event.data));
    this.worker.addEventListener("error", onError);
    boot?.release?.();
    for (const event of early) {
      if (event.type === "error") onError(event);
      else this.onMessage(event.data);
    }
  }

  onMessage(message) {
    if (message.type === "progress") {
      this.progress = { percent: message.percent, label: message.label };
      this.dispatchEvent(new CustomEvent("progress", { detail: this.progress }));
    } else if (message.type === "ready") {
      clearTimeout(this.timer);
      this.state = "ready";
      this.info = message.info;
      this.resolveReady(message.info);
      this.dispatchEvent(new CustomEvent("ready", { detail: message.info }));
    } else if (message.type === "failed") {
      this.fail(`The planner's engine could not start: ${message.message}`);
    } else if (typeof message.id === "number" && this.pending.has(message.id)) {
      const { resolve, reject } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if ("error" in message) reject(new Error(message.error));
      else resolve(message.result);
    }
  }

  fail(text) {
    if (this.state === "failed") return;
    clearTimeout(this.timer);
    this.state = "failed";
    this.error = text;
    this.worker?.terminate();
    this.rejectReady(new Error(text));
    for (const { reject } of this.pending.values()) reject(new Error(text));
    this.pending.clear();
    this.dispatchEvent(new CustomEvent("failed", { detail: text }));
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

// Offline on the planner page: "Try again" after a failed start (retrying in place, so what was
// typed stays), and the runtime kept in the service worker's cache once the planner has started
// (the first visit's start runs before the worker controls the page). Loaded only with the
// planner page, so a guide page never loads the runtime's module.
import { getRuntime } from "./runtime.js";
import { serviceWorkerRegistration } from "./offline.js";

/** Keep the runtime in the worker's cache once the planner has started on this page. */
async function keepRuntime() {
  const registration = serviceWorkerRegistration();
  if (!("serviceWorker" in navigator) || !registration) return;
  const reg = await registration.catch(() => null);
  const active = reg?.active ?? (await navigator.serviceWorker.ready).active;
  if (!active) return;
  const channel = new MessageChannel();
  const kept = new Promise((resolve) => {
    channel.port1.onmessage = (event) => resolve(event.data);
  });
  active.postMessage({ type: "EVEN_BACK_KEEP_RUNTIME" }, [channel.port2]);
  const answer = await kept;
  document.documentElement.dataset.runtimeKept = answer?.kept ? "true" : "false";
}

/** Resolves once the planner's engine has started or failed to (the first start only). */
export function engineSettled(root) {
  return getRuntime(Number(root.dataset.startTimeout)).ready.catch(() => {});
}

/** The planner page: "Try again" after a failed start, and the runtime kept once ready. */
export function bindPlanner(root) {
  const runtime = getRuntime(Number(root.dataset.startTimeout));
  const status = root.querySelector("[data-role=status]");
  const bar = root.querySelector("[data-role=progress]");
  let button = root.querySelector("[data-role=retry]");
  if (!button) {
    button = document.createElement("button");
    button.type = "button";
    button.dataset.role = "retry";
    button.className = "md-button";
    button.textContent = "Try again";
    button.hidden = true;
    status?.after(button);
  }
  const onFailed = () => {
    if (root.isConnected) button.hidden = false;
  };
  button.onclick = () => {
    button.hidden = true;
    if (bar) {
      bar.hidden = false;
      bar.value = 0;
    }
    root.dataset.state = "loading";
    root.setAttribute("aria-busy", "true");
    if (status) status.textContent = "Starting the planner again…";
    runtime.retry();
    status?.focus?.();
  };
  if (root.dataset.bound) return;
  root.dataset.bound = "offline";
  if (runtime.state === "failed") onFailed();
  runtime.addEventListener("failed", onFailed);
  const onReady = () => {
    button.hidden = true;
    keepRuntime().catch(() => {});
  };
  if (runtime.state === "ready") onReady();
  else runtime.addEventListener("ready", onReady, { once: true });
  runtime.addEventListener("retry", () => runtime.addEventListener("ready", onReady, { once: true }));
}

// Offline and updates, on every page: registers the site's service worker (sw.js at the
// site's root, so its scope is the root at "/" and under a sub-path alike), offers a new
// version with "A new version is ready: reload" (never reloading by itself), and on the
// planner page keeps the runtime for offline use and offers "Try again" after a failed start.
// Nothing here stores what a person typed or logged: that stays in localStorage/IndexedDB.
import { getRuntime } from "./runtime.js";

const siteRoot = new URL("../", import.meta.url);
let registration = null;
let reloading = false;

/** Register the worker once per document; later calls (instant navigation) look for updates. */
export function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  if (registration) {
    registration.then((reg) => reg.update()).catch(() => {});
    return;
  }
  registration = navigator.serviceWorker
    .register(new URL("sw.js", siteRoot), { scope: siteRoot.pathname, updateViaCache: "none" })
    .then((reg) => {
      watchForUpdate(reg);
      return reg;
    });
  registration.catch(() => {}); // no worker (private mode, file://): the site works online
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Only after the person chose "reload" does the new worker take over.
    if (reloading) location.reload();
  });
}

function watchForUpdate(reg) {
  const offer = (worker) => {
    // The first install has nothing to replace; only a worker waiting behind another is new.
    if (worker && navigator.serviceWorker.controller) showUpdateBanner(worker);
  };
  if (reg.waiting) offer(reg.waiting);
  reg.addEventListener("updatefound", () => {
    const incoming = reg.installing;
    incoming?.addEventListener("statechange", () => {
      if (incoming.state === "installed") offer(incoming);
    });
  });
}

function showUpdateBanner(worker) {
  let banner = document.querySelector(".eb-update");
  if (!banner) {
    banner = document.createElement("div");
    banner.className = "eb-update";
    banner.setAttribute("role", "status");
    const text = document.createElement("span");
    text.textContent = "A new version is ready: ";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = "reload";
    banner.append(text, button);
    document.body.append(banner);
  }
  banner.querySelector("button").onclick = () => {
    reloading = true;
    worker.postMessage({ type: "SKIP_WAITING" });
  };
}

/** Keep the runtime in the worker's cache once the planner has started on this page. */
async function keepRuntime() {
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

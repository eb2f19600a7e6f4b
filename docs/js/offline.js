// Offline and updates, on every page: registers the site's service worker (sw.js at the
// site's root, so its scope is the root at "/" and under a sub-path alike) once the page has
// loaded, and offers a new version with "A new version is ready: reload" (never reloading by
// itself). The planner page's part (Try again, keeping the runtime) is js/planner-offline.js.
// Nothing here stores what a person typed or logged: that stays in localStorage/IndexedDB.

const siteRoot = new URL("../", import.meta.url);
let registration = null;
let reloading = false;

/** Register the worker once per document; later calls (instant navigation) look for updates.
 *  `settled`, on the planner page, resolves once its engine has started (or failed). */
export function registerServiceWorker(settled = Promise.resolve()) {
  if (!("serviceWorker" in navigator)) return;
  if (registration) {
    registration.then((reg) => reg.update()).catch(() => {});
    return;
  }
  // After the page's own load, and on the planner page after its engine has started: the
  // worker's first install fetches every page of the site (about 7.6 MB), which must not
  // compete with the first paint on a slow connection, nor with the runtime's download and
  // start (a first visit to the planner fetched 17-19 MB before it was ready, 13.2 MB now).
  registration = Promise.all([afterLoad(), settled.catch(() => {})])
    .then(() =>
      navigator.serviceWorker.register(new URL("sw.js", siteRoot), {
        scope: siteRoot.pathname,
        updateViaCache: "none",
      }),
    )
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

/** The page's registration of the worker (a promise), or null where there is none. */
export function serviceWorkerRegistration() {
  return registration;
}

/** Resolves once the document has loaded (at once if it already has). */
function afterLoad() {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((resolve) => window.addEventListener("load", () => resolve(), { once: true }));
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

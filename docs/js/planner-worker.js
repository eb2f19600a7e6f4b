// The planner's engine: a module Web Worker that starts Pyodide from this site's own files
// (never another origin) and answers calls to planner._bridge. Every URL is derived from
// import.meta.url, so the site works at "/" and under a sub-path such as "/even-back/".
import {
  canKeepSnapshots,
  dropSnapshots,
  keepSnapshot,
  packSnapshot,
  readKeptSnapshot,
  snapshotName,
  unpackSnapshot,
} from "./engine-snapshot.js";

const runtimeBase = new URL("../pyodide/", import.meta.url);
let bridge = null;
// Started with the name "even-back-snapshot" (js/runtime.js, once a planner has started on this
// device without one), this worker starts the runtime, imports the planner, keeps a snapshot
// of that memory for the next starts and ends: it never receives anything a person typed.
// (A name, not a query string: the service worker answers planner-worker.js?anything with the
// precached planner-worker.js, whose URL is then the module's import.meta.url.)
const makingSnapshot = self.name === "even-back-snapshot";

const post = (message) => self.postMessage(message);
// Where a start's time goes, for scripts/bench-startup (performance marks "even-back:<step>").
const mark = (step) => performance.mark(`even-back:${step}`);
const progress = (stage, percent, label, bytes = {}) => {
  if (!makingSnapshot) post({ type: "progress", stage, percent, label, ...bytes });
};

// Progress by bytes: every runtime file's response is counted as it arrives (a clone is read,
// so Pyodide still gets the plain response and the wasm keeps the browser's code cache),
// against the sizes runtime.json lists. A fetch that fails marks the start as a network failure.
// Reading the clone costs about 100 ms of every start (DEVELOPING.md), so it is done only when
// it can show something: not when the service worker has kept this runtime on the device.
const download = { loaded: 0, total: 0, failed: false, last: 0, counting: true };
const MB = (n) => (n / 1e6).toFixed(1);
function reportBytes(force = false) {
  const now = Date.now();
  if (!force && now - download.last < 150) return;
  download.last = now;
  const share = download.total ? Math.min(download.loaded / download.total, 1) : 0;
  progress("runtime", Math.round(10 + 75 * share), `Downloading the Python runtime: ${MB(download.loaded)} of ${MB(download.total)} MB`, {
    loaded: download.loaded,
    total: download.total,
  });
}
const plainFetch = self.fetch.bind(self);

// The runtime's files come from the network while it answers (so from the browser's HTTP
// cache, with the compiled code V8 keeps beside the wasm and the JavaScript), and from the copy
// the service worker keeps only when the network fails, or has not answered within
// NETWORK_WAIT_MS while a copy is kept (a gym's poor signal). This is done here, and the service
// worker lets these requests pass: a response a service worker gives, even fetch(event.request)
// passed through, reached this worker 100-200 ms later and lost V8's code cache (DEVELOPING.md).
/** The copy of a URL a service worker keeps (null without one, or without Cache Storage). */
async function keptCopy(href) {
  try {
    return (await self.caches?.match(href, { ignoreSearch: true })) ?? null;
  } catch {
    return null;
  }
}
const NETWORK_WAIT_MS = 4000;
/** The response of `fromNetwork()` while it answers; the copy `fromKept()` finds when it fails, or
 * has not answered within NETWORK_WAIT_MS while there is a copy. */
async function networkThenKept(fromNetwork, fromKept) {
  const answer = fromNetwork();
  answer.catch(() => {}); // answered from the kept copy: a failure later is no error
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(resolve, NETWORK_WAIT_MS);
  });
  try {
    const first = await Promise.race([answer, late]);
    if (first) return first;
    return (await fromKept()) ?? (await answer);
  } catch (error) {
    const copy = await fromKept();
    if (copy) return copy;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
/** A runtime file from the network, or from the copy the service worker keeps. */
const runtimeFetch = (href, input, init) =>
  networkThenKept(
    () => plainFetch(input, init),
    () => keptCopy(href),
  );
/** One of the runtime's JavaScript modules, imported from the network, or (as in runtimeFetch)
 * imported again as `<file>?kept`, which the service worker answers from its copy. */
function importRuntime(name) {
  const href = new URL(name, runtimeBase).href;
  const fromKept = async () => ((await keptCopy(href)) ? import(`${href}?kept`).catch(() => null) : null);
  return networkThenKept(() => import(href), fromKept);
}

// Runtime files asked for before Pyodide asks (see askEarly), each handed over once.
const early = new Map();
/** Starts fetching a runtime file now, for Pyodide's own fetch of the same URL to pick up. */
function askEarly(url) {
  const response = runtimeFetch(url.href, url.href);
  response.catch(() => {}); // the fetch that picks it up sees the failure
  early.set(url.href, response);
}
self.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), self.location.href);
  const runtime = url.href.startsWith(runtimeBase.href);
  const counted = runtime && !url.pathname.endsWith("/runtime.json");
  const asked = early.get(url.href);
  early.delete(url.href);
  let response;
  try {
    response = await (asked ?? (runtime ? runtimeFetch(url.href, input, init) : plainFetch(input, init)));
  } catch (error) {
    download.failed = true;
    throw error;
  }
  if (counted && download.counting && response.ok && response.body) {
    const reader = response.clone().body.getReader();
    const pump = () =>
      reader.read().then(({ done, value }) => {
        if (done) return reportBytes(true);
        download.loaded += value.byteLength;
        reportBytes();
        return pump();
      });
    pump().catch(() => {
      download.failed = true;
    });
  }
  return response;
};

// While a snapshot is restored, a wasm failure Pyodide reports (see WASM_FAILURE) ends that
// attempt, not the start: the runtime then starts the usual way.
let restoreFailed = null;

// Pyodide reports a wasm it cannot fetch or compile on the console (a warning or an error)
// and may then never settle its promise: turn those reports into a failure at once instead of
// waiting for the page's start timeout.
const WASM_FAILURE = /wasm instantiation failed|failed to asynchronously prepare wasm|Aborted\(/;
for (const level of ["warn", "error"]) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    original(...args);
    if (bridge === null && WASM_FAILURE.test(args.map(String).join(" "))) {
      if (restoreFailed) return restoreFailed(new Error(args.map(String).join(" ")));
      post({
        type: "failed",
        network: download.failed,
        message: "the Python runtime (WebAssembly) could not be loaded",
      });
    }
  };
}

async function start() {
  progress("manifest", 5, "Reading the runtime manifest");
  // The manifest, the loader module, the runtime's JavaScript (1.2 MB, which Pyodide would
  // otherwise import only once loadPyodide has begun) and the wasm (9.6 MB, the same file for
  // both attempts below) are fetched at the same time; the standard library once the manifest
  // has named it. Pyodide's own fetches of these then pick up the responses under way.
  askEarly(new URL("pyodide.asm.wasm", runtimeBase));
  // A kept snapshot (js/engine-snapshot.js) is read at once too: Pyodide needs its bytes
  // before it instantiates the wasm. Whether it is this runtime's is known from the manifest.
  const snapshot = makingSnapshot ? Promise.resolve(null) : readKeptSnapshot(runtimeBase);
  if (!makingSnapshot) snapshot.then(() => mark("snapshot-read"));
  const loader = importRuntime("pyodide.mjs");
  const runtimeModule = importRuntime("pyodide.asm.mjs");
  loader.then(() => mark("loader"), () => {}); // a failure is handled where it is awaited
  runtimeModule.then(() => mark("runtime-module"), () => {});
  const response = await fetch(new URL("runtime.json", runtimeBase), { cache: "no-cache" });
  if (!response.ok) throw new Error(`runtime.json answered HTTP ${response.status}`);
  const manifest = await response.json();
  mark("manifest");
  askEarly(new URL(manifest.stdlib, runtimeBase));
  const sizes = manifest.sizes ?? {};
  // (pyodide.asm.mjs is a module import, not a fetch: its 1.2 MB are not counted.)
  download.total = ["pyodide.asm.wasm", manifest.stdlib]
    .map((name) => sizes[name] ?? 0)
    .reduce((a, b) => a + b, 0);
  // The service worker keeps the runtime in a cache named after its content, with the
  // standard library's content-named file: finding that file means this very runtime is here.
  download.counting =
    !makingSnapshot && !(await keptCopy(new URL(manifest.stdlib, runtimeBase).href));
  if (!download.counting) progress("runtime", 50, "Starting the Python runtime kept on this device");

  const { loadPyodide } = await loader;
  // Handed to loadPyodide unawaited, so that it asks for the wasm and the standard library
  // before the runtime's JavaScript has arrived.
  const createPyodideModule = async (settings) => (await runtimeModule).default(settings);
  // The optimised runtime has the planner inside its standard library (no package to load);
  // the stock fallback installs the planner wheel.
  // `options`: loadPyodide's options to restore a kept snapshot, or to make one.
  const attempt = async ({ stdlib, lock, packages }, options = {}) => {
    const pyodide = await loadPyodide({
      indexURL: runtimeBase.href,
      stdLibURL: new URL(stdlib, runtimeBase).href,
      lockFileContents: lock,
      packageBaseUrl: runtimeBase.href,
      packages,
      createPyodideModule,
      ...options,
    });
    mark("pyodide");
    progress("planner", 90, "Starting the planner");
    const api = pyodide.pyimport("planner._bridge");
    if (makingSnapshot) return { pyodide };
    // The page builds its form from the description the build put in it; describe() is asked
    // for only if that is missing. Ready tells the versions the status line shows.
    const info = JSON.parse(
      pyodide.runPython(
        "import json, sys, planner\n" +
          'json.dumps({"version": planner.__version__, "python": sys.version.split()[0]})',
      ),
    );
    return { api, info };
  };

  if (makingSnapshot) return makeSnapshot(manifest, attempt);
  if (download.counting) reportBytes(true);
  let loaded = await restoreSnapshot(manifest, attempt, await snapshot);
  // While the first attempt runs, Pyodide's own failed fetches (a missing precompiled file)
  // surface as unhandled rejections; with a fallback at hand they are held, not thrown, and
  // logged if the first attempt succeeds after all.
  const held = [];
  const hold = (event) => {
    if (manifest.fallback) {
      event.preventDefault();
      held.push(event.reason);
    }
  };
  self.addEventListener("unhandledrejection", hold);
  try {
    if (!loaded) {
      loaded = await attempt(manifest);
      // No snapshot was kept: the page may have one made ("absent"), where it can be kept.
      loaded.info.snapshot = canKeepSnapshots() ? "absent" : "unavailable";
    }
    for (const reason of held) console.error("Pyodide:", reason);
  } catch (error) {
    // The precompiled files could not be used (missing, say): the stock ones always work.
    if (!manifest.fallback) throw error;
    console.warn("Precompiled runtime files unavailable; using the stock ones:", error);
    progress("runtime", 20, "Loading the standard runtime files");
    loaded = await attempt(manifest.fallback);
    loaded.info.snapshot = "unavailable"; // snapshots are of the optimised runtime only
  } finally {
    self.removeEventListener("unhandledrejection", hold);
  }
  bridge = loaded.api;
  const info = loaded.info;
  mark("ready");
  post({ type: "ready", info });
}

/** The planner started from the kept snapshot (info.snapshot "restored"), or null when there
 * is none or it cannot be used (it is then dropped, and the runtime starts the usual way). */
async function restoreSnapshot(manifest, attempt, kept) {
  if (!kept) return null;
  if (kept.name !== snapshotName(manifest)) {
    await dropSnapshots(runtimeBase).catch(() => {}); // another build's
    return null;
  }
  progress("runtime", 60, "Starting the planner kept on this device");
  const failed = new Promise((_, reject) => {
    restoreFailed = reject;
  });
  try {
    const memory = unpackSnapshot(kept.packed);
    const loaded = await Promise.race([attempt(manifest, { _loadSnapshot: memory }), failed]);
    loaded.info.snapshot = "restored";
    return loaded;
  } catch (error) {
    console.warn("The kept snapshot could not be restored; starting the usual way:", error);
    await dropSnapshots(runtimeBase).catch(() => {});
    return null;
  } finally {
    restoreFailed = null;
  }
}

/** Makes and keeps the snapshot (the optimised runtime only, with the planner imported), tells
 * the page {type: "snapshot", stored, bytes, ms}; other snapshots of this runtime are dropped. */
async function makeSnapshot(manifest, attempt) {
  const began = performance.now();
  const { pyodide } = await attempt(manifest, { _makeSnapshot: true });
  const memory = pyodide.makeMemorySnapshot();
  const packed = packSnapshot(memory);
  await keepSnapshot(runtimeBase, snapshotName(manifest), packed);
  post({
    type: "snapshot",
    stored: true,
    memory: memory.byteLength,
    bytes: packed.byteLength,
    ms: Math.round(performance.now() - began),
  });
}

self.addEventListener("message", ({ data }) => {
  const { id, method, args = [] } = data ?? {};
  if (typeof id !== "number") return;
  if (bridge === null) {
    post({ id, error: "The planner is not ready yet." });
    return;
  }
  try {
    const fn = bridge[method];
    if (typeof fn !== "function") throw new Error(`unknown method ${method}`);
    post({ id, result: fn(...args) });
  } catch (error) {
    post({ id, error: String(error?.message ?? error) });
  }
});

start().catch((error) => {
  const message = String(error?.message ?? error);
  post(
    makingSnapshot
      ? { type: "snapshot", stored: false, message }
      : { type: "failed", network: download.failed, message },
  );
});

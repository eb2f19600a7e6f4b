// The planner's engine: a module Web Worker that starts Pyodide from this site's own files
// (never another origin) and answers calls to planner._bridge. Every URL is derived from
// import.meta.url, so the site works at "/" and under a sub-path such as "/even-back/".
const runtimeBase = new URL("../pyodide/", import.meta.url);
let bridge = null;

const post = (message) => self.postMessage(message);
const progress = (stage, percent, label, bytes = {}) =>
  post({ type: "progress", stage, percent, label, ...bytes });

// Progress by bytes: every runtime file's response is counted as it arrives (a clone is read,
// so Pyodide still gets the plain response and the wasm keeps the browser's code cache),
// against the sizes runtime.json lists. A fetch that fails marks the start as a network failure.
const download = { loaded: 0, total: 0, failed: false, last: 0 };
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
self.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), self.location.href);
  const counted = url.href.startsWith(runtimeBase.href) && !url.pathname.endsWith("/runtime.json");
  let response;
  try {
    response = await plainFetch(input, init);
  } catch (error) {
    download.failed = true;
    throw error;
  }
  if (counted && response.ok && response.body) {
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

// Pyodide reports a wasm it cannot fetch or compile on the console (a warning or an error)
// and may then never settle its promise: turn those reports into a failure at once instead of
// waiting for the page's start timeout.
const WASM_FAILURE = /wasm instantiation failed|failed to asynchronously prepare wasm|Aborted\(/;
for (const level of ["warn", "error"]) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    original(...args);
    if (bridge === null && WASM_FAILURE.test(args.map(String).join(" "))) {
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
  // The manifest and the loader module are fetched at the same time.
  const loader = import(new URL("pyodide.mjs", runtimeBase).href);
  loader.catch(() => {}); // handled where it is awaited below
  const response = await fetch(new URL("runtime.json", runtimeBase), { cache: "no-cache" });
  if (!response.ok) throw new Error(`runtime.json answered HTTP ${response.status}`);
  const manifest = await response.json();
  const sizes = manifest.sizes ?? {};
  // (pyodide.asm.mjs is a module import, not a fetch: it arrives before the wasm is asked for.)
  download.total = ["pyodide.asm.wasm", manifest.stdlib]
    .map((name) => sizes[name] ?? 0)
    .reduce((a, b) => a + b, 0);

  const { loadPyodide } = await loader;
  // The optimised runtime has the planner inside its standard library (no package to load);
  // the stock fallback installs the planner wheel.
  const attempt = async ({ stdlib, lock, packages }) => {
    const pyodide = await loadPyodide({
      indexURL: runtimeBase.href,
      stdLibURL: new URL(stdlib, runtimeBase).href,
      lockFileContents: lock,
      packageBaseUrl: runtimeBase.href,
      packages,
    });
    progress("planner", 90, "Starting the planner");
    const api = pyodide.pyimport("planner._bridge");
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

  reportBytes(true);
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
  let loaded;
  try {
    loaded = await attempt(manifest);
    for (const reason of held) console.error("Pyodide:", reason);
  } catch (error) {
    // The precompiled files could not be used (missing, say): the stock ones always work.
    if (!manifest.fallback) throw error;
    console.warn("Precompiled runtime files unavailable; using the stock ones:", error);
    progress("runtime", 20, "Loading the standard runtime files");
    loaded = await attempt(manifest.fallback);
  } finally {
    self.removeEventListener("unhandledrejection", hold);
  }
  bridge = loaded.api;
  const info = loaded.info;
  post({ type: "ready", info });
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

start().catch((error) =>
  post({ type: "failed", network: download.failed, message: String(error?.message ?? error) }),
);

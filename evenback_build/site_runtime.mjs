// Loads a built site's own Pyodide runtime under Node exactly as the browser worker does
// (runtime.json: the standard library it names, the trimmed lock, the planner wheel).
// Shared by tests/pyodide/run.mjs and evenback_build/precompile_runtime.mjs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Errors are printed as their message only (Node would print a minified source line).
export function exitOnError() {
  const fail = (error) => {
    process.stderr.write(`${error?.message ?? error}\n`);
    process.exit(1);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
}

export async function loadSiteRuntime(runtimeDir, options = {}) {
  const dir = path.resolve(runtimeDir);
  const manifest = JSON.parse(readFileSync(path.join(dir, "runtime.json"), "utf8"));
  const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
  return loadPyodide({
    indexURL: dir + path.sep,
    stdLibURL: path.join(dir, manifest.stdlib),
    lockFileContents: manifest.lock,
    packageBaseUrl: dir + path.sep,
    packages: manifest.packages,
    ...options,
  });
}

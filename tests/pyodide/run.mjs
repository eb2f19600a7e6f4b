// Runs Python inside the site's own Pyodide runtime under Node, loaded exactly as the browser
// worker loads it (runtime.json: the standard library it names, the trimmed lock, the wheel).
// Usage: node tests/pyodide/run.mjs <site>/pyodide < code.py
// The code's last expression must be a str; it is written to stdout as is.
// Errors are printed as their message only (Node would print a minified source line).
process.on("uncaughtException", (error) => {
  process.stderr.write(`${error?.message ?? error}\n`);
  process.exit(1);
});
process.on("unhandledRejection", (error) => {
  process.stderr.write(`${error?.message ?? error}\n`);
  process.exit(1);
});
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const runtimeDir = path.resolve(process.argv[2] ?? "site/pyodide");
const manifest = JSON.parse(readFileSync(path.join(runtimeDir, "runtime.json"), "utf8"));
const { loadPyodide } = await import(pathToFileURL(path.join(runtimeDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: runtimeDir + path.sep,
  stdLibURL: path.join(runtimeDir, manifest.stdlib),
  lockFileContents: manifest.lock,
  packageBaseUrl: runtimeDir + path.sep,
  packages: manifest.packages,
  stdout: (line) => process.stderr.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
// Read stdin as a stream: readFileSync(0) fails with EAGAIN on a large piped input.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const code = Buffer.concat(chunks).toString("utf8");
const result = await pyodide.runPythonAsync(code);
process.stdout.write(String(result));

// Runs Python inside the site's own Pyodide runtime under Node, loaded as the browser loads it.
// Usage: node tests/pyodide/run.mjs <site>/pyodide < code.py
// The code's last expression must be a str; it is written to stdout as is.
import { exitOnError, loadSiteRuntime } from "../../evenback_build/site_runtime.mjs";

exitOnError();
const pyodide = await loadSiteRuntime(process.argv[2] ?? "site/pyodide", {
  stdout: (line) => process.stderr.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
// Read stdin as a stream: readFileSync(0) fails with EAGAIN on a large piped input.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const code = Buffer.concat(chunks).toString("utf8");
const result = await pyodide.runPythonAsync(code);
process.stdout.write(String(result));

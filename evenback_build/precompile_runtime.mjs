// Drives evenback_build/precompile_stdlib.py inside the site's stock Pyodide runtime under Node, so
// the bytecode is made by the very CPython the browser runs. Writes to OUT_DIR:
//   python_stdlib.zip   trimmed, precompiled standard library with the planner inside
//   kept-modules.json   which top-level standard-library modules were kept
// Usage: node evenback_build/precompile_runtime.mjs RUNTIME_DIR WHEEL PROFILES_JSON OUT_DIR
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exitOnError, loadSiteRuntime } from "./site_runtime.mjs";

exitOnError();
const [runtimeDir, wheelPath, profilesPath, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
const pyodide = await loadSiteRuntime(runtimeDir);
const script = readFileSync(new URL("./precompile_stdlib.py", import.meta.url), "utf8");
const module = pyodide.runPython(
  `import types\nm = types.ModuleType("precompile_stdlib")\nexec(${JSON.stringify(script)}, m.__dict__)\nm`,
);
const work = "/tmp/precompile";
pyodide.FS.mkdirTree(work + "/out");
pyodide.FS.writeFile(work + "/profiles.json", readFileSync(profilesPath));
const wheelName = path.basename(wheelPath);
pyodide.FS.writeFile(`${work}/${wheelName}`, readFileSync(wheelPath));
module.main(`${work}/profiles.json`, `${work}/${wheelName}`, `${work}/out`);
mkdirSync(outDir, { recursive: true });
for (const name of pyodide.FS.readdir(`${work}/out`)) {
  if (name === "." || name === "..") continue;
  writeFileSync(path.join(outDir, name), pyodide.FS.readFile(`${work}/out/${name}`));
}

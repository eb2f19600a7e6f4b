// Drives scripts/precompile_stdlib.py inside the site's stock Pyodide runtime under Node, so
// the bytecode is made by the very CPython the browser runs. Writes to OUT_DIR:
//   python_stdlib.zip   trimmed, precompiled standard library
//   <the wheel's name>  the planner wheel with .pyc added
//   kept-modules.json   which top-level standard-library modules were kept
// Usage: node scripts/precompile_runtime.mjs RUNTIME_DIR WHEEL PROFILES_JSON OUT_DIR
// Errors are printed as their message only (Node would print a minified source line).
process.on("uncaughtException", (error) => {
  process.stderr.write(`${error?.message ?? error}\n`);
  process.exit(1);
});
process.on("unhandledRejection", (error) => {
  process.stderr.write(`${error?.message ?? error}\n`);
  process.exit(1);
});
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [runtimeDir, wheelPath, profilesPath, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
const manifest = JSON.parse(readFileSync(path.join(runtimeDir, "runtime.json"), "utf8"));
const { loadPyodide } = await import(pathToFileURL(path.join(runtimeDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: runtimeDir + path.sep,
  stdLibURL: path.join(runtimeDir, manifest.stdlib),
  lockFileContents: manifest.lock,
  packageBaseUrl: runtimeDir + path.sep,
  packages: manifest.packages,
});
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

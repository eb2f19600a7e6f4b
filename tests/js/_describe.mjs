// describe()'s answer from the planner itself (the Python of .venv, or EVEN_BACK_PYTHON), so
// the tests use the same downloads, limits and messages as the page, never copies of them.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYTHON = process.env.EVEN_BACK_PYTHON ?? join(ROOT, ".venv", "bin", "python");

let cached = null;

export function describe() {
  cached ??= JSON.parse(
    execFileSync(PYTHON, ["-c", "import planner._bridge as b; print(b.describe())"], {
      cwd: ROOT,
      encoding: "utf8",
    }),
  );
  return cached;
}

/** readFragment's rules as the page passes them. */
export function shareRules() {
  const info = describe();
  return { maxChars: info.limits.share_link_chars, problems: info.messages.share_link };
}

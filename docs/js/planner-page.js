// The planner page: binds the #planner element to the shared runtime. Called on every visit,
// including returns through instant navigation (site.js calls mount() from document$).
import { getRuntime } from "./runtime.js";

function setState(root, state) {
  root.dataset.state = state;
  root.setAttribute("aria-busy", state === "loading" ? "true" : "false");
}

export function mount(root) {
  const runtime = getRuntime(Number(root.dataset.startTimeout));
  const status = root.querySelector("[data-role=status]");
  const bar = root.querySelector("[data-role=progress]");
  const show = (text) => {
    if (status) status.textContent = text;
  };

  const onProgress = () => {
    if (bar) bar.value = runtime.progress.percent;
    show(`${runtime.progress.label}…`);
  };
  const onReady = () => {
    if (bar) bar.hidden = true;
    const { version, python } = runtime.info;
    show(`Ready: planner ${version} running on Python ${python} in your browser.`);
    setState(root, "ready");
  };
  const onFailed = () => {
    if (bar) bar.hidden = true;
    show(`${runtime.error} You can still use the command-line planner: python -m planner.`);
    setState(root, "error");
  };

  if (runtime.state === "ready") return onReady();
  if (runtime.state === "failed") return onFailed();
  setState(root, "loading");
  onProgress();
  runtime.addEventListener("progress", onProgress);
  runtime.addEventListener("ready", onReady, { once: true });
  runtime.addEventListener("failed", onFailed, { once: true });
}

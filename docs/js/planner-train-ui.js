// Small parts the training views share: wording templates, today's date, saving a file, an
// accessible confirmation (<dialog>) and the rest timer. Every word comes from Python
// (describe()'s messages.log); these only place it.
import { el } from "./planner-dom.js";

/** "{n} sets" with {n} filled in from `values` (unknown names are left as they are). */
export const fill = (template, values = {}) =>
  String(template).replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));

/** Today where the person is (not UTC), YYYY-MM-DD. */
export function todayIso() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Save `text` as a file (a Blob: the bytes are exactly the text). */
export function saveText(text, filename, mime = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A modal question in a native <dialog> (focus moves into it, Escape cancels, focus returns).
 * `extra` are more buttons (type=button, they do not close it). Resolves true for `yes`.
 */
export function ask(message, yes, cancel, extra = []) {
  return new Promise((resolve) => {
    const dialog = el(
      "dialog",
      { class: "planner-dialog", "aria-labelledby": "pl-dialog-text" },
      el(
        "form",
        { method: "dialog" },
        el("p", { id: "pl-dialog-text", text: message }),
        el(
          "div",
          { class: "planner-dialog-buttons" },
          el("button", { class: "md-button md-button--primary", value: "yes", text: yes }),
          extra,
          el("button", { class: "md-button", value: "cancel", text: cancel }),
        ),
      ),
    );
    const opener = document.activeElement;
    dialog.addEventListener("close", () => {
      dialog.remove();
      opener?.focus?.();
      resolve(dialog.returnValue === "yes");
    });
    // Inside the planner (so the site's type and buttons apply), or the body.
    (document.querySelector("#planner") ?? document.body).append(dialog);
    dialog.showModal();
  });
}

/**
 * The optional rest timer: two checkboxes (use it; sound at the end), a countdown in a
 * role="timer" element (not live: the start and end are said in the status line by `show`),
 * "Skip the rest". Nothing moves but the number, so reduced motion has nothing to reduce.
 */
export function restTimer(words, show) {
  const t = words.timer;
  const button = (text, onclick, extra = {}) =>
    el("button", { type: "button", class: "md-button", text, onclick, ...extra });
  const use = el("input", { type: "checkbox", id: "pl-train-timer" });
  const sound = el("input", { type: "checkbox", id: "pl-train-sound" });
  const left = el("p", { class: "planner-train-clock", role: "timer", hidden: true });
  const skip = button(words.controls.skip_rest, () => stop(false), { hidden: true });
  let interval = null;
  let audio = null;
  sound.addEventListener("change", () => {
    if (sound.checked && !audio && typeof AudioContext === "function") audio = new AudioContext();
  });
  const beep = () => {
    if (!sound.checked || !audio) return;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    gain.gain.value = 0.1;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
  };
  function stop(finished) {
    clearInterval(interval);
    interval = null;
    left.hidden = true;
    skip.hidden = true;
    if (finished) {
      show(t.done);
      beep();
    }
  }
  function start(seconds) {
    if (!use.checked || !(seconds > 0)) return;
    stop(false);
    let remaining = Math.round(seconds);
    left.textContent = fill(t.running, { s: remaining });
    left.hidden = false;
    skip.hidden = false;
    show(fill(t.start, { s: remaining }));
    interval = setInterval(() => {
      remaining -= 1;
      if (remaining <= 0 || !left.isConnected) stop(left.isConnected);
      else left.textContent = fill(t.running, { s: remaining });
    }, 1000);
  }
  const node = el(
    "div",
    { class: "planner-train-timer" },
    el("div", { class: "planner-train-check" }, use, el("label", { for: use.id, text: t.use })),
    el("div", { class: "planner-train-check" }, sound, el("label", { for: sound.id, text: t.sound })),
    left,
    skip,
  );
  return { node, start, stop };
}

// Downloads of the exports Python made for this plan (`exports` of make_plan): the bytes are
// exactly Python's text, saved as a Blob; nothing is rendered here. Which exports, their
// labels, file names and media types come from describe()'s `downloads`.
import { el } from "./planner-dom.js";

function save(text, type, filename) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The downloads offered for these exports: describe()'s entries whose export is present. */
export function availableDownloads(exports, downloads) {
  return (downloads ?? []).filter(({ format }) => typeof exports?.[format] === "string");
}

/**
 * A button for each of describe()'s `downloads` whose export is present in `exports`. `exports`
 * is either the texts themselves or a function that returns a promise of them (made on first
 * use: the plan is on screen before its downloads' texts are made); then every described
 * download is offered, and a click waits for its text. `onError(message)` hears a failure.
 */
export function downloadButtons(exports, downloads, onError = () => {}) {
  const box = el("div", { class: "planner-downloads", role: "group", "aria-label": "Downloads" });
  const lazy = typeof exports === "function";
  for (const { format, label, filename, mime } of lazy ? downloads ?? [] : availableDownloads(exports, downloads)) {
    box.append(
      el("button", {
        type: "button",
        class: "md-button planner-download",
        "data-format": format,
        text: label,
        onclick: async () => {
          try {
            const texts = lazy ? await exports() : exports;
            save(texts[format], mime, filename);
          } catch (error) {
            onError(`The download could not be made: ${error.message}`);
          }
        },
      }),
    );
  }
  return box;
}

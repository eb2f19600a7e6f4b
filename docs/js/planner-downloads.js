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

/** A button for each of describe()'s `downloads` whose export is present in `exports`. */
export function downloadButtons(exports, downloads) {
  const box = el("div", { class: "planner-downloads", role: "group", "aria-label": "Downloads" });
  for (const { format, label, filename, mime } of availableDownloads(exports, downloads)) {
    box.append(
      el("button", {
        type: "button",
        class: "md-button planner-download",
        "data-format": format,
        text: label,
        onclick: () => save(exports[format], mime, filename),
      }),
    );
  }
  return box;
}

// Downloads of the exports Python made for this plan (`exports` of make_plan): the bytes are
// exactly Python's text, saved as a Blob; nothing is rendered here.
import { el } from "./planner-dom.js";

const DOWNLOADS = [
  { format: "json", label: "Download JSON", type: "application/json", ext: "json" },
  { format: "ics", label: "Download calendar (.ics)", type: "text/calendar", ext: "ics" },
  { format: "csv", label: "Download CSV", type: "text/csv", ext: "csv" },
  { format: "md", label: "Download Markdown", type: "text/markdown", ext: "md" },
];

function save(text, type, filename) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Buttons for each export present in `exports`; `stem` names the files ("even-back-plan"). */
export function downloadButtons(exports, stem) {
  const box = el("div", { class: "planner-downloads", role: "group", "aria-label": "Downloads" });
  for (const { format, label, type, ext } of DOWNLOADS) {
    if (typeof exports?.[format] !== "string") continue;
    box.append(
      el("button", {
        type: "button",
        class: "md-button planner-download",
        "data-format": format,
        text: label,
        onclick: () => save(exports[format], type, `${stem}.${ext}`),
      }),
    );
  }
  return box;
}

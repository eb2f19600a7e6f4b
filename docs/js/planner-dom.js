// A tiny element builder for the planner page. Text is only ever set as text (textContent or
// text nodes), never parsed as HTML, so nothing from a profile or plan can become markup.

/**
 * el("p", {class: "x", text: "Hello"}, child, "more text")
 * Props: class, text, on<event> (listener), booleans (true sets, false/null skips), others as
 * attributes. Children: nodes, strings (as text), arrays of either; null/false are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}

/** An id safe for the DOM from a field path such as "tests.side_bridge_s.left". */
export function idFor(path) {
  return `pl-${String(path).replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** A same-origin http(s) URL for a site-root-relative path such as "/exercises/x/", else null. */
export function siteUrl(siteRoot, path) {
  if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//")) return null;
  const url = new URL(path.slice(1), siteRoot);
  return url.origin === siteRoot.origin && /^https?:$/.test(url.protocol) ? url.href : null;
}

// Keeping and sharing a profile: the share-link fragment `#profile=<base64url of the UTF-8 JSON,
// no padding>` (docs/reference/planner-page.md) and the last profile remembered in localStorage.
// fragmentFor and readFragment are pure (tests/js/); the rest touch the address bar or storage.
// This module only moves text around; what the profile means is checked by Python.

import { decode, encode } from "./base64url.js";

const PREFIX = "#profile=";
// A self-test page's link: the answers go into the form, and no plan is made until the person
// has seen the safety questions and asks for one.
const PREFILL = "#prefill=";
const STORAGE_KEY = "even-back:profile";

/** The share-link fragment for this profile text: "#profile=<base64url>". */
export function fragmentFor(text) {
  return PREFIX + encode(text);
}

/** The fragment that opens the form with this profile text filled in: "#prefill=<base64url>". */
export function prefillFor(text) {
  return PREFILL + encode(text);
}

/**
 * The profile text in a share-link (or prefill) fragment. `rules` come from describe(): `maxChars` is the
 * longest payload opened (limits.share_link_chars), `problems` what to say about a link that
 * cannot be opened (messages.share_link).
 * Returns null when the fragment is neither, {text, prefill} when it decodes (prefill: true for
 * "#prefill="), or {problem, prefill} with Python's sentence when it is too long or damaged.
 */
export function readFragment(hash, rules) {
  if (typeof hash !== "string") return null;
  if (hash.startsWith(PREFIX)) return { ...decodePayload(hash.slice(PREFIX.length), rules), prefill: false };
  if (hash.startsWith(PREFILL)) return { ...decodePayload(hash.slice(PREFILL.length), rules), prefill: true };
  return null;
}

function decodePayload(payload, { maxChars, problems }) {
  if (payload.length > maxChars) {
    const kb = (n) => String(Math.round(n / 1024));
    return { problem: problems.too_long.replace("{size}", kb(payload.length)).replace("{limit}", kb(maxChars)) };
  }
  const bytes = decode(payload);
  if (bytes === null) return { problem: problems.not_base64url };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { problem: problems.not_text };
  }
}

/** Write the share link for this profile text into the address bar, without a new history entry. */
export function writeFragment(text) {
  const url = new URL(location.href);
  url.hash = fragmentFor(text).slice(1);
  history.replaceState(history.state, "", url.href);
  return url.href;
}

/** Remove a profile or prefill fragment from the address bar (other fragments are left alone). */
export function clearFragment() {
  if (!location.hash.startsWith(PREFIX) && !location.hash.startsWith(PREFILL)) return;
  const url = new URL(location.href);
  url.hash = "";
  history.replaceState(history.state, "", url.href.replace(/#$/, ""));
}

/** The remembered profile text, or null (also when storage is unavailable). */
export function recall() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remember this profile text for the next visit; false when the browser refuses storage. */
export function remember(text) {
  try {
    localStorage.setItem(STORAGE_KEY, text);
    return true;
  } catch {
    return false;
  }
}

/** Forget the remembered profile. */
export function forget() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage unavailable: nothing was remembered.
  }
}

// Keeping and sharing a profile: the share-link fragment `#profile=<base64url of the UTF-8 JSON,
// no padding>` (docs/reference/planner-page.md) and the last profile remembered in localStorage.
// This module only moves text around; what the profile means is checked by Python.

const PREFIX = "#profile=";
const STORAGE_KEY = "even-back:profile";
/** Longest fragment payload accepted: 16 KB of base64url is far more than any real profile. */
export const MAX_FRAGMENT = 16 * 1024;

/** base64url (RFC 4648 section 5) of a string's UTF-8 bytes, without "=" padding. */
export function encodeProfile(text) {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The profile text in a share-link fragment.
 * Returns null when the fragment is not a profile link, {text} when it decodes, or {problem}
 * with a plain sentence when the link is too long or damaged.
 */
export function readFragment(hash) {
  if (typeof hash !== "string" || !hash.startsWith(PREFIX)) return null;
  const payload = hash.slice(PREFIX.length);
  if (payload.length > MAX_FRAGMENT) {
    return {
      problem:
        `This share link is too long (${Math.round(payload.length / 1024)} KB; a real one is ` +
        "well under 16 KB), so it was not opened. Fill in the form to make a plan.",
    };
  }
  const damaged = {
    problem:
      "This share link is damaged (it is not valid base64url text), perhaps cut short when it " +
      "was copied. Ask for the link again, or fill in the form to make a plan.",
  };
  if (!/^[A-Za-z0-9_-]*$/.test(payload) || payload.length % 4 === 1) return damaged;
  let binary;
  try {
    const padded = payload.replace(/-/g, "+").replace(/_/g, "/");
    binary = atob(padded + "=".repeat((4 - (padded.length % 4)) % 4));
  } catch {
    return damaged;
  }
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return {
      problem:
        "This share link is damaged (its contents are not readable text). Ask for the link " +
        "again, or fill in the form to make a plan.",
    };
  }
}

/** Write the share link for this profile text into the address bar, without a new history entry. */
export function writeFragment(text) {
  const url = new URL(location.href);
  url.hash = PREFIX.slice(1) + encodeProfile(text);
  history.replaceState(history.state, "", url.href);
  return url.href;
}

/** Remove a profile fragment from the address bar (other fragments are left alone). */
export function clearFragment() {
  if (!location.hash.startsWith(PREFIX)) return;
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

// base64url (RFC 4648 section 5) of UTF-8 text, without "=" padding: the share-link encoding.
// Pure functions (no DOM), shared by the planner's share links and the self-test pages' links.

/** base64url of a string's UTF-8 bytes, without padding. */
export function encode(text) {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The bytes of unpadded base64url text, or null when it is not valid base64url. */
export function decode(payload) {
  if (typeof payload !== "string" || !/^[A-Za-z0-9_-]*$/.test(payload) || payload.length % 4 === 1) {
    return null;
  }
  const padded = payload.replace(/-/g, "+").replace(/_/g, "/");
  let binary;
  try {
    binary = atob(padded + "=".repeat((4 - (padded.length % 4)) % 4));
  } catch {
    return null;
  }
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

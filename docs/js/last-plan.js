// The last plan, kept in this browser so the page can still show it when the planner's engine
// cannot start (offline on a device that has not kept the engine yet, or after the browser's
// cache was cleared). What is kept is what make_plan answered for the page: the profile text,
// `display` (Python's wording) and every export's text, so the plan is shown by the usual view
// code and its downloads are Python's own bytes. It lives in IndexedDB, never in a cache, so
// the service worker never deletes it; "Forget my details" does (forget()).
import { el } from "./planner-dom.js";
import { renderPlan, renderReferral } from "./planner-view.js";
import { fragmentFor } from "./planner-share.js";

const DB_NAME = "even-back-last-plan";
const STORE = "plans";
const KEY = "last";

function openDb() {
  return new Promise((resolve, reject) => {
    if (!globalThis.indexedDB) {
      reject(new Error("IndexedDB is not available"));
      return;
    }
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error("IndexedDB is blocked"));
  });
}

/** Run `work(store)` in one transaction; its request's result once the transaction is done. */
async function transact(mode, work) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error("aborted"));
    });
  } finally {
    db.close();
  }
}

/**
 * Keep the plan just shown: the profile text it was made from, make_plan's `display` and
 * `exports` as they came, and the day it was made (YYYY-MM-DD). Resolves to whether it was
 * kept (a browser may refuse storage; the page works without it).
 */
export function keep(profileText, answer, madeOn) {
  const record = {
    version: 1,
    profile: profileText,
    made_on: madeOn,
    display: answer.display,
    exports: answer.exports,
  };
  return transact("readwrite", (store) => store.put(record, KEY)).then(
    () => true,
    () => false,
  );
}

/** The kept plan's record, or null (none kept, or storage unavailable). */
export function recall() {
  return transact("readonly", (store) => store.get(KEY)).then(
    (record) => (record?.version === 1 && typeof record.exports?.json === "string" ? record : null),
    () => null,
  );
}

/** Forget the kept plan. */
export function forget() {
  return transact("readwrite", (store) => store.delete(KEY)).then(
    () => true,
    () => false,
  );
}

/**
 * Show the kept plan in `result` (emptied first) when it was made from `profileText`, marked
 * as the remembered plan with the day it was made. `tools(exports, shareUrl, referral)` makes
 * the page's downloads and share link from the kept texts; `current()` says whether the page
 * still wants it (nothing else was planned meanwhile). Resolves to "plan" or "refer" when one
 * was shown, else null.
 */
export async function showKept(result, { profileText, messages, siteRoot, tools, current }) {
  if (!profileText || !messages?.label) return null;
  const record = await recall();
  if (record === null || record.profile !== profileText || !current()) return null;
  let plan;
  try {
    plan = JSON.parse(record.exports.json);
  } catch {
    return null;
  }
  const referral = plan.status === "refer";
  const link = new URL(location.href);
  link.hash = fragmentFor(profileText).slice(1);
  const kit = tools(record.exports, link.href, referral);
  const note = el("p", {
    class: "planner-kept-note",
    "data-role": "kept-plan",
    text: messages.label.replace("{date}", record.made_on),
  });
  result.hidden = false;
  result.dataset.kind = referral ? "refer" : "plan";
  delete result.dataset.urgency;
  if (referral) renderReferral(result, plan, record.display, { tools: kit });
  else await renderPlan(result, plan, record.display, { siteRoot, tools: kit });
  if (!current()) return null;
  result.prepend(note);
  return referral ? "refer" : "plan";
}

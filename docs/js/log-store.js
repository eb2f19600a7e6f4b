// The training log in this browser: one IndexedDB object store holding one record,
// {version, revision, log, drafts}. `log` is the training log exactly as the command line reads
// it; `drafts` keeps each tab's session in progress (by a tab id kept in sessionStorage), so a
// reload loses no set; `revision` is new on every write (the worker keeps the parsed log by it).
// Every change re-reads the record inside one readwrite transaction before writing it, so two
// tabs logging at once never lose an entry; a BroadcastChannel tells the other tabs to refresh.
// A record this page cannot read (damaged, or from a newer version) is never overwritten: it
// is reported with its raw data (rawText) and only a person's explicit choice replaces it.
// What the log means is checked by Python (the worker); this module only keeps it.

export const STORE_VERSION = 1;
const DB_NAME = "even-back";
const STORE = "training-log";
const KEY = "log";
const CHANNEL = "even-back-training-log";

/** What a stored record is: {status: "empty" | "ok" | "corrupt" | "newer", record}. Pure. */
export function classify(record) {
  if (record === undefined || record === null) return { status: "empty", record: null };
  if (typeof record !== "object" || Array.isArray(record)) return { status: "corrupt", record };
  const { version, log, drafts } = record;
  if (typeof version === "number" && version > STORE_VERSION) return { status: "newer", record };
  if (version !== STORE_VERSION) return { status: "corrupt", record };
  if (typeof log !== "object" || log === null || Array.isArray(log)) return { status: "corrupt", record };
  if (typeof log.version === "number" && log.version > STORE_VERSION) return { status: "newer", record };
  if (drafts !== undefined && (typeof drafts !== "object" || drafts === null || Array.isArray(drafts))) {
    return { status: "corrupt", record };
  }
  return { status: "ok", record };
}

/** The stored data as text, for "Download the stored data" (whatever it holds). Pure. */
export function rawText(record) {
  try {
    const text = JSON.stringify(record, null, 2);
    if (typeof text === "string") return text + "\n";
  } catch {
    // not JSON (a cycle, a BigInt): its string form is still better than nothing
  }
  return String(record) + "\n";
}

/** The log as a file: the training log format, two-space indented. Pure. */
export function logText(log) {
  return JSON.stringify(log, null, 2) + "\n";
}

/** A new revision id (a write's own). */
export function newRevision() {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
}

/** `log` with `session` added, oldest first (a later session of the same date stays later). Pure. */
export function withSession(log, session) {
  const sessions = [...(log.sessions ?? [])];
  let at = sessions.length;
  while (at > 0 && String(sessions[at - 1].date) > String(session.date)) at--;
  sessions.splice(at, 0, session);
  return { ...log, sessions };
}

/** `log` with a test day added, oldest first. Pure. */
export function withTests(log, day) {
  const tests = [...(log.tests ?? [])];
  let at = tests.length;
  while (at > 0 && String(tests[at - 1].date) > String(day.date)) at--;
  tests.splice(at, 0, day);
  return { ...log, tests };
}

/** A record holding `log` (and the drafts of `previous`, if any). Pure. */
export function recordWith(log, previous = null) {
  return { version: STORE_VERSION, revision: newRevision(), log, drafts: { ...(previous?.drafts ?? {}) } };
}

export class StoreRefused extends Error {
  constructor(status) {
    super(`the stored log is ${status}`);
    this.status = status;
  }
}

const request = (req) =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error("the browser's storage is busy in another tab"));
  });
}

/** The log store, or null when this browser keeps no IndexedDB (then nothing can be saved). */
export async function openLogStore() {
  if (typeof indexedDB === "undefined") return null;
  let db;
  try {
    db = await openDb();
  } catch {
    return null;
  }
  return new LogStore(db);
}

class LogStore extends EventTarget {
  constructor(db) {
    super();
    this.db = db;
    this.asked = false;
    this.channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
    this.channel?.addEventListener("message", () => this.dispatchEvent(new Event("change")));
    // Another tab may upgrade or delete the database: let go, and open it again on next use.
    db.onversionchange = () => db.close();
  }

  async read() {
    const tx = this.db.transaction(STORE, "readonly");
    return classify(await request(tx.objectStore(STORE).get(KEY)));
  }

  /**
   * Change the record in one readwrite transaction: `change(record)` gets the record as it is
   * now (null when empty) and returns the new one (or undefined to leave it). A record that is
   * damaged or newer is never passed on: StoreRefused. Returns the record written.
   */
  async update(change) {
    const tx = this.db.transaction(STORE, "readwrite");
    const store = tx.objectStore(STORE);
    const done = new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error("the change was not saved"));
    });
    const { status, record } = classify(await request(store.get(KEY)));
    if (status === "corrupt" || status === "newer") {
      tx.abort();
      await done.catch(() => {});
      throw new StoreRefused(status);
    }
    const next = change(record);
    if (next !== undefined) store.put(next, KEY);
    await done;
    if (next !== undefined) {
      this.channel?.postMessage("changed");
      this.askPersistence();
    }
    return next ?? record;
  }

  /** Delete the record, whatever it holds (the person asked for it). */
  async clear() {
    const tx = this.db.transaction(STORE, "readwrite");
    tx.objectStore(STORE).delete(KEY);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    this.channel?.postMessage("changed");
  }

  /** Ask once that the browser keep this site's storage under pressure (the answer is the browser's). */
  askPersistence() {
    if (this.asked) return;
    this.asked = true;
    navigator.storage?.persist?.().catch(() => {});
  }
}

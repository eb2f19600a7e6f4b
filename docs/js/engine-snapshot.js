// The planner engine's snapshot: the Pyodide runtime's memory once the planner is imported,
// kept on this device so that a later start restores it instead of starting Python and
// importing the planner again (js/planner-worker.js makes and restores it; DEVELOPING.md has
// the measurement). It holds the runtime and the planner's code, nothing a person typed.
//
// Kept in the origin private file system (navigator.storage.getDirectory()): a folder
// "even-back-snapshot", in it one folder per copy of the site on this origin (its runtime's
// path: "/" and a sub-path are two sites), in that one file, named after the runtime's version
// and the standard library's content (which holds the planner), so a new build never restores
// an old one; other files are dropped when one is kept, and by the service worker on an update.
// Cache Storage was slower: 12 MB read from it took 100 ms of a start, and more while the
// service worker was reading the page's own files from its cache (DEVELOPING.md).
//
// Kept packed: most of the memory is never written (31 MB, 19 MB of it zero pages), so only its
// non-zero 64 KiB pages are stored (about 12 MB), and unpacking is one allocation and a copy.
export const FOLDER = "even-back-snapshot";
const MAGIC = 0x31534245; // "EBS1", little-endian
const PAGE = 65536;
const HEADER = 16; // magic, the memory's length, the page size, the number of pages kept
const PART = ".part"; // a file still being written

/** The file name the snapshot of this runtime (runtime.json's `manifest`) is kept under. */
export const snapshotName = (manifest) =>
  `${encodeURIComponent(`${manifest.pyodide}-${manifest.stdlib}`)}.bin`;

/** The folder of this copy of the site's snapshots (null if there is none and not `create`).
 * (It and dropSnapshots also run in the service worker: evenback_build/service_worker.mjs.) */
export async function siteFolder(runtimeBase, create) {
  try {
    const root = await navigator.storage.getDirectory();
    const top = await root.getDirectoryHandle(FOLDER, { create });
    return await top.getDirectoryHandle(encodeURIComponent(runtimeBase.pathname), { create });
  } catch (error) {
    if (create) throw error;
    return null; // none kept, or no such storage here (an insecure origin, some private modes)
  }
}

/** Whether this browser can keep a snapshot here. */
export const canKeepSnapshots = () => typeof navigator.storage?.getDirectory === "function";

/** The snapshot kept for the runtime at `runtimeBase`, whichever build made it: {name, packed}
 * (packed: an ArrayBuffer), or null when none is kept or it cannot be read. */
export async function readKeptSnapshot(runtimeBase) {
  try {
    const folder = await siteFolder(runtimeBase, false);
    if (!folder) return null;
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === "file" && !name.endsWith(PART)) return { name, packed: await readFile(handle) };
    }
  } catch {
    // being written by another tab, or gone meanwhile: start the usual way
  }
  return null;
}

async function readFile(handle) {
  if (typeof handle.createSyncAccessHandle === "function") {
    // In a worker: one read straight into the buffer.
    const access = await handle.createSyncAccessHandle();
    try {
      const bytes = new Uint8Array(access.getSize());
      if (access.read(bytes, { at: 0 }) !== bytes.length) throw new Error("short read");
      return bytes.buffer;
    } finally {
      access.close();
    }
  }
  return (await handle.getFile()).arrayBuffer();
}

/** Keeps `packed` as `name` (written aside, then renamed where the browser can, so a start in
 * another tab never reads half of it), and drops every other snapshot of this copy of the site. */
export async function keepSnapshot(runtimeBase, name, packed) {
  const folder = await siteFolder(runtimeBase, true);
  const canMove = typeof FileSystemFileHandle.prototype.move === "function";
  const handle = await folder.getFileHandle(canMove ? name + PART : name, { create: true });
  if (typeof handle.createSyncAccessHandle === "function") {
    const access = await handle.createSyncAccessHandle();
    try {
      access.truncate(0);
      access.write(packed, { at: 0 });
      access.flush();
    } finally {
      access.close();
    }
  } else {
    const writable = await handle.createWritable();
    await writable.write(packed);
    await writable.close();
  }
  if (canMove) {
    await dropSnapshots(runtimeBase, name + PART);
    await handle.move(name);
  } else {
    await dropSnapshots(runtimeBase, name);
  }
}

/** Drops every kept snapshot of this copy of the site, but the file `keep` if given. */
export async function dropSnapshots(runtimeBase, keep = null) {
  const folder = await siteFolder(runtimeBase, false);
  if (!folder) return;
  const names = [];
  for await (const name of folder.keys()) if (name !== keep) names.push(name);
  for (const name of names) await folder.removeEntry(name).catch(() => {});
}

/** The memory's non-zero pages, with where they go (see HEADER). */
export function packSnapshot(memory) {
  const pages = Math.ceil(memory.length / PAGE);
  const kept = [];
  let size = 0;
  for (let page = 0; page < pages; page++) {
    const start = page * PAGE;
    const end = Math.min(start + PAGE, memory.length);
    for (let i = start; i < end; i++) {
      if (memory[i] !== 0) {
        kept.push(page);
        size += end - start;
        break;
      }
    }
  }
  const packed = new Uint8Array(HEADER + 4 * kept.length + size);
  const view = new DataView(packed.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, memory.length, true);
  view.setUint32(8, PAGE, true);
  view.setUint32(12, kept.length, true);
  let at = HEADER + 4 * kept.length;
  kept.forEach((page, n) => {
    view.setUint32(HEADER + 4 * n, page, true);
    const part = memory.subarray(page * PAGE, Math.min((page + 1) * PAGE, memory.length));
    packed.set(part, at);
    at += part.length;
  });
  return packed;
}

/** The memory `packSnapshot` packed (a Uint8Array); throws if `packed` is not one, whole. */
export function unpackSnapshot(packed) {
  const damaged = () => new Error("the kept snapshot is damaged");
  if (packed.byteLength < HEADER) throw damaged();
  const view = new DataView(packed);
  const length = view.getUint32(4, true);
  const count = view.getUint32(12, true);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(8, true) !== PAGE) throw damaged();
  const bytes = new Uint8Array(packed);
  const memory = new Uint8Array(length);
  let at = HEADER + 4 * count;
  if (at > packed.byteLength) throw damaged();
  for (let n = 0; n < count; n++) {
    const start = view.getUint32(HEADER + 4 * n, true) * PAGE;
    const end = Math.min(start + PAGE, length);
    if (start >= length || at + (end - start) > packed.byteLength) throw damaged();
    memory.set(bytes.subarray(at, at + (end - start)), start);
    at += end - start;
  }
  if (at !== packed.byteLength) throw damaged();
  return memory;
}

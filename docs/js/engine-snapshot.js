// The planner engine's snapshot: the Pyodide runtime's memory once the planner is imported,
// kept on this device (Cache Storage, "even-back-snapshot") so that a later start restores it
// instead of starting Python and importing the planner again (js/planner-worker.js makes and
// restores it; DEVELOPING.md has the measurement). It holds the runtime and the planner's code,
// nothing a person typed. Each is named after the runtime's version and the standard library's
// content (which holds the planner), so a new build never restores an old one; one is kept per
// site (the others are dropped when one is kept, and by the service worker on an update).
//
// Kept packed: most of the memory is never written (31 MB, 19 MB of it zero pages), so only its
// non-zero 64 KiB pages are stored (about 12 MB): reading 31 MB from Cache Storage took about
// 200 ms of every start, and unpacking is one allocation and a copy.
const CACHE = "even-back-snapshot";
const MAGIC = 0x31534245; // "EBS1", little-endian
const PAGE = 65536;
const HEADER = 16; // magic, the memory's length, the page size, the number of pages kept

/** The URL the snapshot of this runtime (runtime.json's `manifest`) is kept under. */
export const snapshotURL = (runtimeBase, manifest) =>
  new URL(`snapshot/${manifest.pyodide}/${manifest.stdlib}.bin`, runtimeBase).href;

/** The snapshot kept for the runtime at `runtimeBase`, whichever build made it: {url, packed}
 * (packed: an ArrayBuffer), or null when none is kept or Cache Storage is not available. */
export async function readKeptSnapshot(runtimeBase) {
  try {
    if (!(await self.caches.has(CACHE))) return null;
    const cache = await self.caches.open(CACHE);
    const prefix = new URL("snapshot/", runtimeBase).href;
    const request = (await cache.keys()).find((r) => r.url.startsWith(prefix));
    const response = request && (await cache.match(request));
    return response ? { url: request.url, packed: await response.arrayBuffer() } : null;
  } catch {
    return null; // no Cache Storage here (an insecure origin, some private modes)
  }
}

/** Keeps `packed` under `url`, and drops every other snapshot of the runtime at `runtimeBase`. */
export async function keepSnapshot(runtimeBase, url, packed) {
  const cache = await self.caches.open(CACHE);
  await cache.put(url, new Response(packed, { headers: { "content-type": "application/octet-stream" } }));
  await dropSnapshots(runtimeBase, url);
}

/** Drops every kept snapshot of the runtime at `runtimeBase`, but `keep` (a URL) if given. */
export async function dropSnapshots(runtimeBase, keep = null) {
  try {
    if (!(await self.caches.has(CACHE))) return;
    const cache = await self.caches.open(CACHE);
    for (const request of await cache.keys()) {
      if (request.url.startsWith(runtimeBase.href) && request.url !== keep) await cache.delete(request);
    }
  } catch {
    // no Cache Storage
  }
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

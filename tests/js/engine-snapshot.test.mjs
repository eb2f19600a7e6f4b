// The engine snapshot's packing: only the memory's non-zero 64 KiB pages are kept, and what is
// unpacked is the memory, byte for byte; anything else (damaged, cut short) is refused.
import assert from "node:assert/strict";
import { test } from "node:test";

import { packSnapshot, unpackSnapshot } from "../../docs/js/engine-snapshot.js";

const PAGE = 65536;

/** A memory of `pages` pages and `tail` bytes more, with bytes written at `at`. */
function memory(pages, tail, at) {
  const bytes = new Uint8Array(pages * PAGE + tail);
  for (const [offset, value] of at) bytes[offset] = value;
  return bytes;
}

const buffer = (packed) => packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength);

test("keeps only the non-zero pages and unpacks the memory byte for byte", () => {
  const original = memory(10, 128, [[0, 1], [3 * PAGE + 5, 2], [4 * PAGE - 1, 3], [10 * PAGE + 127, 4]]);
  const packed = packSnapshot(original);
  // Pages 0, 3 and the 128-byte tail: a 16-byte header, three page numbers, the bytes.
  assert.equal(packed.byteLength, 16 + 3 * 4 + 2 * PAGE + 128);
  assert.deepEqual(unpackSnapshot(buffer(packed)), original);
});

test("a memory of zeros packs to its header and unpacks to the same length", () => {
  const original = new Uint8Array(3 * PAGE);
  const packed = packSnapshot(original);
  assert.equal(packed.byteLength, 16);
  assert.deepEqual(unpackSnapshot(buffer(packed)), original);
});

test("refuses bytes that are not a packed snapshot", () => {
  assert.throws(() => unpackSnapshot(new Uint8Array(1000).fill(7).buffer), /damaged/);
  assert.throws(() => unpackSnapshot(new ArrayBuffer(4)), /damaged/);
});

test("refuses a packed snapshot cut short or with bytes added", () => {
  const packed = buffer(packSnapshot(memory(4, 0, [[PAGE + 1, 9], [3 * PAGE, 8]])));
  for (const size of [packed.byteLength - 1, 20, 10]) {
    assert.throws(() => unpackSnapshot(packed.slice(0, size)), /damaged/, `cut to ${size}`);
  }
  const longer = new Uint8Array(packed.byteLength + 1);
  longer.set(new Uint8Array(packed));
  assert.throws(() => unpackSnapshot(longer.buffer), /damaged/);
});

test("refuses a page number beyond the memory", () => {
  const packed = new Uint8Array(buffer(packSnapshot(memory(2, 0, [[0, 1]]))));
  new DataView(packed.buffer).setUint32(16, 5, true); // page 5 of a 2-page memory
  assert.throws(() => unpackSnapshot(packed.buffer), /damaged/);
});

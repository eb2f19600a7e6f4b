// base64url (RFC 4648 section 5, no padding) of UTF-8 text: the share-link encoding.
import assert from "node:assert/strict";
import { test } from "node:test";

import { decode, encode } from "../../docs/js/base64url.js";

const text = (bytes) => new TextDecoder("utf-8", { fatal: true }).decode(bytes);

test("encodes the RFC 4648 test vectors without padding", () => {
  const vectors = { "": "", f: "Zg", fo: "Zm8", foo: "Zm9v", foob: "Zm9vYg", fooba: "Zm9vYmE", foobar: "Zm9vYmFy" };
  for (const [plain, coded] of Object.entries(vectors)) assert.equal(encode(plain), coded);
});

test("uses the URL-safe alphabet: - and _ instead of + and /", () => {
  assert.equal(encode("?>>"), "Pz4-");
  assert.equal(encode("???"), "Pz8_");
});

test("encodes UTF-8 bytes, so any text survives the round trip", () => {
  for (const plain of ["", "a", "ab", "abc", "é", "Müller 💪", '{"weak_side":"left"}', "\u0000\uffff"]) {
    assert.equal(text(decode(encode(plain))), plain);
  }
  assert.equal(encode("é"), "w6k");
});

test("rejects text that is not unpadded base64url", () => {
  for (const bad of ["Zm9v=", "Zm+v", "Zm/v", "Z", "Zm9vY", "Zm 9v", "é", null, 42]) {
    assert.equal(decode(bad), null, String(bad));
  }
});

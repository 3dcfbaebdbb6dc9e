// Ed25519 keys as docs/protocol.md §1 and §9.1 want them checked: a public JWK (kty OKP, crv
// Ed25519) whose `x` is the canonical encoding of a curve point (32 bytes, strict unpadded
// base64url, y below p, on the curve, RFC 8032 §5.1.3) and not one of the 8 small-order points.

import { createPublicKey, generateKeyPairSync } from "node:crypto";

import { calculateJwkThumbprint } from "jose";

const P = 2n ** 255n - 19n;
const D = (-121665n * inverse(121666n)) % P;
const BASE64URL_43 = /^[A-Za-z0-9_-]{43}$/;

// The canonical encodings of the points of order 1, 2, 4 and 8 (RFC 8032 curve, little endian).
const SMALL_ORDER = new Set([
  "0100000000000000000000000000000000000000000000000000000000000000",
  "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  "0000000000000000000000000000000000000000000000000000000000000000",
  "0000000000000000000000000000000000000000000000000000000000000080",
  "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
  "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
  "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
  "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
]);

function power(base, exponent) {
  let result = 1n;
  let b = ((base % P) + P) % P;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
    e >>= 1n;
  }
  return result;
}

function inverse(value) {
  return power(value, P - 2n);
}

/** Why `raw` (32 bytes) is not a usable Ed25519 public key, or null when it is. */
export function publicKeyProblem(raw) {
  if (raw.length !== 32) return "an Ed25519 public key is 32 bytes";
  const hex = raw.toString("hex");
  if (SMALL_ORDER.has(hex)) return "the key is a small-order point";
  const bytes = Buffer.from(raw);
  const sign = bytes[31] >> 7;
  bytes[31] &= 0x7f;
  const y = BigInt(`0x${Buffer.from(bytes).reverse().toString("hex")}`);
  if (y >= P) return "the key is not canonically encoded (y is not below p)";
  // x^2 = (y^2 - 1) / (d y^2 + 1): the point is on the curve iff this has a square root.
  const y2 = (y * y) % P;
  const x2 = (((y2 - 1n + P) % P) * inverse((D * y2 + 1n) % P)) % P;
  if (x2 === 0n) return sign === 1 ? "the key is not canonically encoded (x = 0, sign 1)" : null;
  if (power(x2, (P - 1n) / 2n) !== 1n) return "the key is not a point on the curve";
  return null;
}

/** A node KeyObject for a public JWK, after every check; throws Error(reason) otherwise. */
export function publicKeyFromJwk(jwk) {
  if (jwk === null || typeof jwk !== "object") throw new Error("a JWK must be an object");
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519") throw new Error("only Ed25519 JWKs are accepted");
  if ("d" in jwk) throw new Error("the JWK holds a private key");
  if (typeof jwk.x !== "string" || !BASE64URL_43.test(jwk.x)) {
    throw new Error("the JWK's x is not 43 base64url characters");
  }
  const raw = Buffer.from(jwk.x, "base64url");
  if (raw.toString("base64url") !== jwk.x) throw new Error("the JWK's x is not strict base64url");
  const problem = publicKeyProblem(raw);
  if (problem !== null) throw new Error(problem);
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" });
}

/** RFC 7638 thumbprint (SHA-256, base64url) of a public Ed25519 JWK: the protocol's `kid`. */
export async function thumbprint(jwk) {
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, "sha256");
}

/** A fresh vendor key: { privateKey (KeyObject), jwk (public, 3 members), kid }. */
export async function newSigningKey() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const exported = publicKey.export({ format: "jwk" });
  const jwk = { kty: "OKP", crv: "Ed25519", x: exported.x };
  return { privateKey, jwk, kid: await thumbprint(jwk) };
}

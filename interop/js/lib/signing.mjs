// Signatures as docs/protocol.md states them: compact JWS (alg Ed25519, or EdDSA) whose payload
// is the RFC 8785 form of exactly the JSON object sent, and Standard Webhooks `v1a` (Ed25519)
// signatures over "{webhook-id}.{timestamp}." + the raw body.

import { verify as verifyRaw } from "node:crypto";

import canonicalize from "canonicalize";
import { CompactSign, compactVerify, decodeProtectedHeader } from "jose";

export const ALGORITHMS = ["Ed25519", "EdDSA"];
const ALLOWED_HEADER_MEMBERS = new Set(["alg", "kid", "typ"]);
// The group order L: a signature's S (its last 32 bytes, little endian) must be below it.
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const TOLERANCE_SECONDS = 300;

export class Refusal extends Error {
  /** An answer to send instead of going on: `status` and a one-line `reason`. */
  constructor(status, reason) {
    super(reason);
    this.status = status;
  }
}

/** The RFC 8785 bytes of a JSON value. */
export function canonicalBytes(value) {
  return Buffer.from(canonicalize(value), "utf8");
}

/** A compact JWS over the canonical bytes of `document` (or over `payload` bytes as given). */
export async function signDocument(key, { document, payload, typ }) {
  const bytes = payload ?? canonicalBytes(document);
  const header = { alg: "Ed25519", kid: key.kid, ...(typ ? { typ } : {}) };
  return new CompactSign(bytes).setProtectedHeader(header).sign(key.privateKey);
}

function sValueBelowOrder(token) {
  const signature = Buffer.from(token.split(".")[2] ?? "", "base64url");
  if (signature.length !== 64) return false;
  const s = BigInt(`0x${Buffer.from(signature.subarray(32)).reverse().toString("hex")}`);
  return s < L;
}

/**
 * Verify a compact JWS with `publicKey` (a checked KeyObject) whose thumbprint is `kid`, and
 * return its payload bytes. Refuses (401) another algorithm, a header naming a key or another
 * kid, `crit`/`b64`/`zip`/`enc`, an S not below L, and a bad signature.
 */
export async function verifyToken(token, { publicKey, kid, typ, what }) {
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new Refusal(401, `the ${what} JWS has no readable protected header`);
  }
  for (const member of Object.keys(header)) {
    if (!ALLOWED_HEADER_MEMBERS.has(member)) {
      throw new Refusal(401, `the ${what} JWS header has a member it may not have: ${member}`);
    }
  }
  if (!ALGORITHMS.includes(header.alg)) {
    throw new Refusal(401, `the ${what} JWS algorithm is not Ed25519`);
  }
  if (header.kid !== kid) throw new Refusal(401, `the ${what} JWS kid is not the signer's key`);
  if (typ !== undefined && header.typ !== typ) {
    throw new Refusal(401, `the ${what} JWS typ is not ${typ}`);
  }
  if (!sValueBelowOrder(token)) throw new Refusal(401, `the ${what} signature is malformed`);
  try {
    const { payload } = await compactVerify(token, publicKey, { algorithms: ALGORITHMS });
    return Buffer.from(payload);
  } catch {
    throw new Refusal(401, `the ${what} signature does not verify`);
  }
}

/**
 * Verify the JWS that signs `document` (the object received) and that its payload is that very
 * object: JSON-equal, compared through both canonical forms (never a model with defaults added).
 */
export async function verifyDocument(token, document, options) {
  const payload = await verifyToken(token, options);
  let signed;
  try {
    signed = JSON.parse(payload.toString("utf8"));
  } catch {
    throw new Refusal(401, `the ${options.what} JWS payload is not JSON`);
  }
  if (canonicalize(signed) !== canonicalize(document)) {
    throw new Refusal(401, `the ${options.what} JWS signs a different document than the one sent`);
  }
  return payload;
}

/** The Standard Webhooks headers of a request, checked for presence and the time window (400). */
export function webhookHeaders(headers, now) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signature = headers["webhook-signature"];
  if (!id || !timestamp || !signature) {
    throw new Refusal(400, "missing webhook-id, webhook-timestamp or webhook-signature header");
  }
  if (id.length > 256 || id.includes(".")) {
    throw new Refusal(400, "the webhook-id is longer than 256 characters or holds a dot");
  }
  if (!/^[0-9]{1,12}$/.test(timestamp)) throw new Refusal(400, "webhook-timestamp is not a number");
  const seconds = Number(timestamp);
  if (Math.abs(now - seconds) > TOLERANCE_SECONDS) {
    throw new Refusal(400, "webhook-timestamp is more than 5 minutes away from this clock");
  }
  return { id, timestamp: seconds, signature };
}

/** Verify a `v1a` entry of the webhook-signature header over the raw body (401 otherwise). */
export function verifyWebhook(webhook, body, publicKey) {
  const content = Buffer.concat([Buffer.from(`${webhook.id}.${webhook.timestamp}.`), body]);
  for (const entry of webhook.signature.split(" ")) {
    const [version, value] = entry.split(",", 2);
    if (version !== "v1a" || !value) continue;
    const raw = Buffer.from(value, "base64");
    if (raw.length !== 64 || raw.toString("base64") !== value) continue;
    if (verifyRaw(null, content, publicKey, raw)) return;
  }
  throw new Refusal(401, "no v1a webhook signature matches the body and the sender's key");
}

// Reading bounded JSON bodies and writing JSON answers with node:http.

import { createHash } from "node:crypto";

import { Refusal } from "./signing.mjs";

export const MAX_BODY_BYTES = 256 * 1024;
const MAX_DEPTH = 32;

/** The raw body, or a 413 Refusal as soon as it is known to be over 256 KiB. */
export async function readBody(request) {
  const declared = Number(request.headers["content-length"] ?? "0");
  if (declared > MAX_BODY_BYTES) throw new Refusal(413, "the body is over 256 KiB");
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Refusal(413, "the body is over 256 KiB");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function depth(value) {
  if (value === null || typeof value !== "object") return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce((deepest, child) => Math.max(deepest, depth(child)), 0);
}

/**
 * The first member name repeated within one object of `text` (already valid JSON), or null.
 * JSON.parse keeps the last of repeated members silently, so they are looked for separately.
 */
export function repeatedMember(text) {
  const objects = []; // per open object {names, expectName}; null for an open array
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    const open = objects[objects.length - 1];
    if (char === '"') {
      let end = at + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (open?.expectName) {
        const name = JSON.parse(text.slice(at, end + 1));
        if (open.names.has(name)) return name;
        open.names.add(name);
        open.expectName = false;
      }
      at = end;
    } else if (char === "{") {
      objects.push({ names: new Set(), expectName: true });
    } else if (char === "[") {
      objects.push(null);
    } else if (char === "}" || char === "]") {
      objects.pop();
    } else if (char === "," && open) {
      open.expectName = true;
    }
  }
  return null;
}

/** The body parsed as a JSON object of at most 32 levels, no member repeated (400 otherwise). */
export function parseJsonObject(body) {
  let text;
  let value;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    value = JSON.parse(text);
  } catch {
    throw new Refusal(400, "the body is not UTF-8 JSON");
  }
  const repeated = repeatedMember(text);
  if (repeated !== null) {
    throw new Refusal(400, `the body repeats the member ${JSON.stringify(repeated).slice(0, 40)}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Refusal(400, "the body is not a JSON object");
  }
  if (depth(value) > MAX_DEPTH) throw new Refusal(400, "the body is nested over 32 levels");
  return value;
}

export function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Send `body` (bytes, or a value to serialise) as JSON with `status`. */
export function sendJson(response, status, body) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body), "utf8");
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": bytes.length,
  });
  response.end(bytes);
}

export function sendError(response, status, reason) {
  sendJson(response, status, { error: reason });
}

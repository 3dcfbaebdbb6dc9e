// A VRM vendor written from docs/protocol.md and resources/schemas/ only: it shares no code with
// the wallet. It answers every intention with one offer, records the person's notices, and keeps
// disclosed data until the consent is revoked, acknowledging each message with a signed answer.
//
// Usage: node vendor.mjs [--port 0] [--id js-vendor] [--name "JS Vendor"] [--schemas DIR]
// Listens on 127.0.0.1 only and prints one JSON line when ready: {"url": ..., "metadata": ...}.
// GET /interop/state (not part of the protocol) shows what it received, for the interop test.

import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { receiveConsentNotice, receiveDisclosure } from "./lib/consents.mjs";
import { parseJsonObject, readBody, sendError, sendJson, sha256Hex } from "./lib/http.mjs";
import { offersFor, receiveIntention, receiveNotice } from "./lib/intentions.mjs";
import { newSigningKey } from "./lib/keys.mjs";
import { loadValidators, requireValid } from "./lib/schemas.mjs";
import { Refusal, webhookHeaders } from "./lib/signing.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const ROSTER = ["SD-BASE", "SD-BASE-DP", "PDC-INTENT", "PDC-AI", "PDC-GOOD"];
const INBOXES = ["intentions", "offers", "withdrawals", "decisions", "consents", "revocations"];

const { values: options } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    id: { type: "string", default: "js-vendor" },
    name: { type: "string", default: "JS Vendor" },
    schemas: { type: "string", default: join(here, "..", "..", "resources", "schemas") },
  },
});

class Vendor {
  constructor({ id, name, key, validators }) {
    this.id = id;
    this.name = name;
    this.key = key;
    this.validators = validators;
    this.seller = { id, name, publicKey: key.jwk, kid: key.kid };
    this.acceptedAgreements = ROSTER;
    this.intentions = new Map(); // intention id -> {kid, offers, intentionSha256}
    this.consents = new Map(); // consentReceiptID -> held consent
    this.notices = [];
    this.answers = new Map(); // webhook-id -> {bodySha256, bytes}
  }

  metadata(base) {
    const inbox = Object.fromEntries(INBOXES.map((name) => [name, `${base}/inbox/${name}`]));
    const document = {
      type: "VrmVendor",
      version: 1,
      id: this.id,
      name: this.name,
      publicKey: this.key.jwk,
      inbox,
      acceptedAgreements: this.acceptedAgreements,
      policyUrl: `${base}/policy`,
      contact: "privacy@js-vendor.example",
    };
    requireValid(this.validators, "vendor-metadata", document, { status: 500 });
    return document;
  }

  /** The earlier answer to a retried webhook-id, a 409 if its body changed, else null. */
  replayed(webhookId, body) {
    const seen = this.answers.get(webhookId);
    if (!seen) return null;
    if (seen.bodySha256 !== sha256Hex(body)) {
      throw new Refusal(409, "this webhook-id was already used with a different body");
    }
    return seen.bytes;
  }

  remember(webhookId, body, bytes) {
    this.answers.set(webhookId, { bodySha256: sha256Hex(body), bytes });
  }

  state() {
    const consents = {};
    for (const [id, held] of this.consents) {
      consents[id] = {
        data: held.data,
        terminated: Boolean(held.termination),
        endedBy: held.endedBy ?? null,
      };
    }
    return { intentions: [...this.intentions.keys()], notices: this.notices, consents };
  }
}

const POST_HANDLERS = {
  "/inbox/intentions": receiveIntention,
  "/inbox/withdrawals": (vendor, message) => receiveNotice(vendor, "withdrawals", message),
  "/inbox/decisions": (vendor, message) => receiveNotice(vendor, "decisions", message),
  "/inbox/consents": receiveDisclosure,
  "/inbox/revocations": receiveConsentNotice,
};

async function handlePost(vendor, handler, request) {
  const body = await readBody(request); // 413 first, before anything else is read
  const now = Math.floor(Date.now() / 1000);
  const webhook = webhookHeaders(request.headers, now);
  const document = parseJsonObject(body);
  return handler(vendor, { webhook, body, document, now });
}

async function route(vendor, base, request, response) {
  const url = new URL(request.url, base);
  const handler = POST_HANDLERS[url.pathname];
  if (request.method === "POST" && handler) {
    sendJson(response, 200, await handlePost(vendor, handler, request));
  } else if (request.method !== "GET") {
    sendError(response, handler ? 405 : 404, "no such endpoint");
  } else if (url.pathname === "/.well-known/vrm-vendor.json") {
    sendJson(response, 200, vendor.metadata(base));
  } else if (url.pathname === "/inbox/offers") {
    sendJson(response, 200, offersFor(vendor, url.searchParams.get("intention") ?? ""));
  } else if (url.pathname === "/policy") {
    response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    response.end("Data given under a consent is kept until it is revoked or expires.\n");
  } else if (url.pathname === "/interop/state") {
    sendJson(response, 200, vendor.state());
  } else {
    sendError(response, 404, "no such endpoint");
  }
}

async function main() {
  const validators = loadValidators(resolve(options.schemas));
  const vendor = new Vendor({ id: options.id, name: options.name, key: await newSigningKey(), validators });
  let base = "";
  const server = createServer((request, response) => {
    route(vendor, base, request, response).catch((error) => {
      const status = error instanceof Refusal ? error.status : 500;
      if (status === 500) process.stderr.write(`${error.stack ?? error}\n`);
      if (!response.headersSent) sendError(response, status, error.message.split("\n")[0]);
      if (status === 413) request.destroy();
    });
  });
  server.listen(Number(options.port), "127.0.0.1", () => {
    base = `http://127.0.0.1:${server.address().port}`;
    const ready = { url: base, metadata: `${base}/.well-known/vrm-vendor.json`, kid: vendor.key.kid };
    process.stdout.write(`${JSON.stringify(ready)}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

await main();

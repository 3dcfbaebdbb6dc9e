// docs/protocol.md §9: disclosures and updates (inbox.consents), revocation and expiry notices
// (inbox.revocations), and the signed acknowledgements that answer them (§9.5).

import { sha256Hex } from "./http.mjs";
import { publicKeyFromJwk, thumbprint } from "./keys.mjs";
import { requireValid } from "./schemas.mjs";
import { Refusal, canonicalBytes, signDocument, verifyDocument, verifyToken, verifyWebhook } from "./signing.mjs";

const RECEIPT_TYP = "kantara-cr+jws";
const CLOCK_SKEW_SECONDS = 300;

function utcNow() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

function keyOf(jwk, what) {
  try {
    return publicKeyFromJwk(jwk);
  } catch (error) {
    throw new Refusal(401, `the ${what} key is refused: ${error.message}`);
  }
}

/** The receipt carried by a disclosure: its JSON, canonical bytes and pairwise key (400 / 401). */
async function openReceipt(vendor, token) {
  let receipt;
  try {
    receipt = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
  } catch {
    throw new Refusal(400, "the receipt JWS payload is not JSON");
  }
  requireValid(vendor.validators, "consent-receipt", receipt);
  const publicKey = keyOf(receipt.publicKey, "receipt");
  const kid = await thumbprint(receipt.publicKey);
  if (receipt.piiPrincipalId !== kid) {
    throw new Refusal(401, "the receipt's piiPrincipalId is not the thumbprint of its publicKey");
  }
  const payload = await verifyToken(token, { publicKey, kid, typ: RECEIPT_TYP, what: "receipt" });
  if (!payload.equals(canonicalBytes(receipt))) {
    throw new Refusal(401, "the receipt JWS payload is not the canonical receipt");
  }
  return { receipt, canonical: payload, publicKey, kid };
}

/** The signed acknowledgement (bytes) of `type` about `held`, answering message `inReplyTo`. */
async function acknowledge(vendor, held, { type, inReplyTo, fields }) {
  const acknowledgement = {
    type,
    consentReceiptID: held.receipt.consentReceiptID,
    inReplyTo,
    issued: utcNow(),
    vendor: vendor.seller,
    receiptSha256: sha256Hex(held.canonical),
    fields,
  };
  if (type === "DisclosureAccepted") {
    // Over the very bytes the person signed (the receipt JWS payload), not a re-serialisation.
    acknowledgement.countersignature = await signDocument(vendor.key, {
      payload: held.canonical,
      typ: RECEIPT_TYP,
    });
  }
  const signature = await signDocument(vendor.key, { document: acknowledgement });
  const signed = { acknowledgement, signature };
  requireValid(vendor.validators, "signed-acknowledgement", signed, { status: 500 });
  return canonicalBytes(signed);
}

/** `POST inbox.consents`: a Disclosure or DisclosureUpdate; answers the acknowledgement bytes. */
export async function receiveDisclosure(vendor, { webhook, body, document, now }) {
  requireValid(vendor.validators, "signed-disclosure", document);
  const { disclosure, signature } = document;
  const { receipt, canonical, publicKey, kid } = await openReceipt(vendor, disclosure.receipt);
  const held = vendor.consents.get(disclosure.consentReceiptID);
  await verifyDocument(signature, disclosure, { publicKey, kid, what: "disclosure" });
  if (disclosure.consentReceiptID !== receipt.consentReceiptID) {
    throw new Refusal(401, "the disclosure names another receipt than the one it carries");
  }
  const scope = new Set(receipt.vrm.fields.map((field) => field.key));
  const outside = Object.keys(disclosure.data).filter((key) => !scope.has(key));
  if (outside.length > 0) throw new Refusal(401, `fields outside the consent: ${outside.join(", ")}`);
  verifyWebhook(webhook, body, publicKey);
  if (held && held.kid !== kid) {
    throw new Refusal(401, "this receipt id is bound to another key");
  }
  const replay = vendor.replayed(webhook.id, body);
  if (replay) return replay;
  if (receipt.vrm.vendor !== vendor.id) {
    throw new Refusal(403, `the receipt is for vendor ${JSON.stringify(receipt.vrm.vendor)}`);
  }
  if (receipt.vrm.validUntil <= now) throw new Refusal(422, "the consent has expired");
  if (receipt.vrm.validFrom > now + CLOCK_SKEW_SECONDS) {
    throw new Refusal(422, "the consent starts in the future");
  }
  if (disclosure.type === "DisclosureUpdate" && !held) {
    throw new Refusal(404, "no disclosure was accepted under this receipt");
  }
  if (held?.termination) throw new Refusal(409, "this consent was ended and its data deleted");
  if (held && !held.canonical.equals(canonical)) {
    throw new Refusal(409, "this receipt id was received before with another receipt");
  }
  const consent = held ?? { receipt, canonical, kid, publicKey, data: {}, stored: new Set() };
  vendor.consents.set(receipt.consentReceiptID, consent);
  Object.assign(consent.data, disclosure.data);
  for (const key of Object.keys(disclosure.data)) consent.stored.add(key);
  const update = disclosure.type === "DisclosureUpdate";
  const answer = await acknowledge(vendor, consent, {
    type: update ? "UpdateAccepted" : "DisclosureAccepted",
    inReplyTo: disclosure.id,
    fields: Object.keys(update ? disclosure.data : consent.data).sort(),
  });
  vendor.remember(webhook.id, body, answer);
  return answer;
}

/** `POST inbox.revocations`: delete the data, answer the termination receipt (the same later). */
export async function receiveConsentNotice(vendor, { webhook, body, document }) {
  requireValid(vendor.validators, "signed-consent-notice", document);
  const { notice, signature } = document;
  const publicKey = keyOf(notice.principal.publicKey, "principal");
  const kid = await thumbprint(notice.principal.publicKey);
  if (notice.principal.kid !== kid) throw new Refusal(401, "principal.kid is not its thumbprint");
  await verifyDocument(signature, notice, { publicKey, kid, what: "notice" });
  verifyWebhook(webhook, body, publicKey);
  const held = vendor.consents.get(notice.consentReceiptID);
  if (!held) throw new Refusal(404, "this vendor holds no consent with that receipt id");
  if (held.kid !== kid) throw new Refusal(401, "the notice is not signed by the consent's key");
  const replay = vendor.replayed(webhook.id, body);
  if (replay) return replay;
  if (!held.termination) {
    held.data = {};
    held.endedBy = notice.type;
    held.termination = await acknowledge(vendor, held, {
      type: "ConsentTerminated",
      inReplyTo: notice.id,
      fields: [...held.stored].sort(),
    });
  }
  vendor.remember(webhook.id, body, held.termination);
  return held.termination;
}

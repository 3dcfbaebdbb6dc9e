// docs/protocol.md §2-§6: intentions in, signed offers out, and the person's notices
// (withdrawal, decisions) about an intention.

import { randomUUID } from "node:crypto";

import { sha256Hex } from "./http.mjs";
import { publicKeyFromJwk, thumbprint } from "./keys.mjs";
import { requireValid } from "./schemas.mjs";
import { Refusal, canonicalBytes, signDocument, verifyDocument, verifyWebhook } from "./signing.mjs";

const OFFER_VALID_SECONDS = 3 * 24 * 3600;
const DAY_MS = 24 * 3600 * 1000;

function utc(seconds) {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The key a message says it is signed by, checked, with its thumbprint (401 otherwise). */
async function requesterKey(requester) {
  let publicKey;
  try {
    publicKey = publicKeyFromJwk(requester.publicKey);
  } catch (error) {
    throw new Refusal(401, `the requester key is refused: ${error.message}`);
  }
  const kid = await thumbprint(requester.publicKey);
  if (requester.kid !== kid) throw new Refusal(401, "requester.kid is not its key's thumbprint");
  return { publicKey, kid };
}

/**
 * §10: accept terms whose document hashes (RFC 8785, SHA-256) to `sha256`, proffers an agreement
 * this vendor lists, and adds no clause (this vendor lists no acceptedClauses); terms without a
 * document only when their hash is listed. Otherwise decline (no counter-offer).
 */
function acceptsTerms(vendor, terms) {
  if (!terms) return false;
  if (vendor.acceptedAgreements.includes(terms.sha256)) return true;
  const document = terms.document;
  if (!document || sha256Hex(canonicalBytes(document)) !== terms.sha256) return false;
  const clauses = document.clauses ?? [];
  return vendor.acceptedAgreements.includes(document.agreement) && clauses.length === 0;
}

/**
 * The one offer this vendor makes for any intention: the item asked for, at the most the person
 * pays. Members with a default in the schema are LEFT OUT (no @context, @type, isAlternative,
 * acceptsLoyaltyProposal, unitCode, areaServed, description, specs, `required` of a data
 * request), and acceptsTerms is present only when the vendor accepts the terms.
 */
function offerFor(vendor, intention, now) {
  const wish = intention.delivery ?? {};
  const deliverBy = wish.deliverBy ?? new Date(now * 1000 + 5 * DAY_MS).toISOString().slice(0, 10);
  const leadTimeDays = Math.max(0, Math.floor((Date.parse(deliverBy) - now * 1000) / DAY_MS));
  const offer = {
    id: `urn:uuid:${randomUUID()}`,
    intention: intention.id,
    issued: utc(now),
    validThrough: utc(now + OFFER_VALID_SECONDS),
    seller: vendor.seller,
    itemOffered: { name: `${intention.itemOffered.name} (JS)`, category: intention.itemOffered.category },
    price: intention.priceSpecification.maxPrice,
    priceCurrency: intention.priceSpecification.priceCurrency,
    eligibleQuantity: { value: intention.eligibleQuantity?.value ?? 1 },
    delivery: {
      method: !wish.method || wish.method === "any" ? "delivery" : wish.method,
      deliverBy,
      leadTimeDays,
    },
    dataRequested: [{ field: "email", purpose: "to send the order confirmation" }],
  };
  if (acceptsTerms(vendor, intention.terms)) offer.acceptsTerms = { sha256: intention.terms.sha256 };
  requireValid(vendor.validators, "offer", offer, { status: 500 });
  return offer;
}

/** `POST inbox.intentions` (§3): answers the bytes of `{"offers": [...]}`. */
export async function receiveIntention(vendor, { webhook, body, document, now }) {
  requireValid(vendor.validators, "signed-intention", document);
  const { intention, signature } = document;
  const { publicKey, kid } = await requesterKey(intention.requester);
  verifyWebhook(webhook, body, publicKey);
  await verifyDocument(signature, intention, { publicKey, kid, what: "intention" });
  if (Date.parse(intention.validThrough) <= now * 1000) {
    throw new Refusal(422, "the intention is past its validThrough");
  }
  const replay = vendor.replayed(webhook.id, body);
  if (replay) return replay;
  const known = vendor.intentions.get(intention.id);
  if (known && known.kid !== kid) {
    throw new Refusal(409, "this intention id was received with another requester key");
  }
  const intentionSha256 = sha256Hex(canonicalBytes(intention));
  if (known && known.intentionSha256 !== intentionSha256) {
    throw new Refusal(409, "this intention id was received with another intention");
  }
  const record = known ?? { kid, offers: [], intentionSha256 };
  vendor.intentions.set(intention.id, record);
  if (record.offers.length === 0) {
    const offer = offerFor(vendor, intention, now);
    record.offers.push({ offer, signature: await signDocument(vendor.key, { document: offer }) });
  }
  const answer = { offers: record.offers };
  requireValid(vendor.validators, "offer-list", answer, { status: 500 });
  const bytes = canonicalBytes(answer);
  vendor.remember(webhook.id, body, bytes);
  return bytes;
}

/** `GET inbox.offers?intention=ID` (§5): every offer made for that intention. */
export function offersFor(vendor, intentionId) {
  return canonicalBytes({ offers: vendor.intentions.get(intentionId)?.offers ?? [] });
}

const NOTICE_TYPES = {
  withdrawals: ["IntentionWithdrawn"],
  decisions: ["OfferAccepted", "OfferDeclined"],
};

/** `POST inbox.withdrawals` / `inbox.decisions` (§6): answers `{"ok": true}`. */
export async function receiveNotice(vendor, inbox, { webhook, body, document }) {
  requireValid(vendor.validators, "signed-notice", document);
  const { notice, signature } = document;
  if (!NOTICE_TYPES[inbox].includes(notice.type)) {
    throw new Refusal(400, `a ${notice.type} notice does not belong in inbox.${inbox}`);
  }
  const { publicKey, kid } = await requesterKey(notice.requester);
  await verifyDocument(signature, notice, { publicKey, kid, what: "notice" });
  verifyWebhook(webhook, body, publicKey);
  const known = vendor.intentions.get(notice.intention);
  if (!known) throw new Refusal(404, "this vendor never received that intention");
  if (known.kid !== kid) throw new Refusal(401, "the notice is not signed by the intention's key");
  const replay = vendor.replayed(webhook.id, body);
  if (replay) return replay;
  vendor.notices.push({ type: notice.type, intention: notice.intention, offer: notice.offer ?? null });
  const bytes = canonicalBytes({ ok: true });
  vendor.remember(webhook.id, body, bytes);
  return bytes;
}

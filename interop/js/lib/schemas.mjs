// The protocol's published JSON Schemas (resources/schemas/*.schema.json), compiled with Ajv's
// 2020-12 validator. Strictness problems are logged, not fatal, here: compile-schemas.mjs is the
// strict check; the vendor only needs each schema's validation to run.

import { readFileSync } from "node:fs";
import { join } from "node:path";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

import { Refusal } from "./signing.mjs";

const NAMES = [
  "signed-intention",
  "offer",
  "offer-list",
  "signed-notice",
  "signed-disclosure",
  "signed-consent-notice",
  "consent-receipt",
  "signed-acknowledgement",
  "vendor-metadata",
];

/** `{name: validate}` for the schemas the vendor reads or writes, from `schemaDir`. */
export function loadValidators(schemaDir) {
  const logger = { log() {}, warn: logToStderr, error: logToStderr };
  const ajv = new Ajv2020({ strict: "log", logger });
  addFormats(ajv);
  const keys = {};
  for (const name of NAMES) {
    const schema = JSON.parse(readFileSync(join(schemaDir, `${name}.schema.json`), "utf8"));
    // Added together, so that one schema may refer to another by its $id.
    keys[name] = schema.$id ?? name;
    ajv.addSchema(schema, schema.$id === undefined ? name : undefined);
  }
  return Object.fromEntries(NAMES.map((name) => [name, ajv.getSchema(keys[name])]));
}

function logToStderr(...parts) {
  process.stderr.write(`ajv: ${parts.join(" ")}\n`);
}

/** Throw a 400 Refusal naming the first problem unless `document` is valid for `name`. */
export function requireValid(validators, name, document, { status = 400 } = {}) {
  const validate = validators[name];
  if (validate(document)) return;
  const [first] = validate.errors ?? [];
  const where = first?.instancePath || "/";
  throw new Refusal(status, `not a valid ${name}: ${where} ${first?.message ?? "is invalid"}`);
}

// Compiles every JSON Schema under resources/schemas/ with Ajv's 2020-12 validator in strict
// mode, as a stranger's strict toolchain would, and prints each schema that fails.
//
// Usage: node compile-schemas.mjs [SCHEMA_DIR]   (default: ../../resources/schemas)
// Exit status: 0 when every schema compiles, 1 when any fails, 2 when there is nothing to compile.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = fileURLToPath(new URL(".", import.meta.url));
const schemaDir = resolve(process.argv[2] ?? join(here, "..", "..", "resources", "schemas"));

function schemaFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return schemaFiles(path);
      return entry.name.endsWith(".json") ? [path] : [];
    });
}

// One validator for all files, so that a schema may refer to another by its $id.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv); // date, date-time, uri: standard formats that Ajv keeps in a plugin

const files = schemaFiles(schemaDir);
if (files.length === 0) {
  console.error(`no schema files under ${schemaDir}`);
  process.exit(2);
}

const failures = [];
const added = [];
for (const path of files) {
  const name = relative(schemaDir, path);
  try {
    const schema = JSON.parse(readFileSync(path, "utf8"));
    ajv.addSchema(schema, schema.$id === undefined ? name : undefined);
    added.push({ name, key: schema.$id ?? name });
  } catch (error) {
    failures.push(`${name}: ${error.message}`);
  }
}
for (const { name, key } of added) {
  try {
    ajv.getSchema(key);
  } catch (error) {
    failures.push(`${name}: ${error.message}`);
  }
}

for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`${files.length - failures.length} of ${files.length} schemas compile in strict mode`);
process.exit(failures.length === 0 ? 0 : 1);

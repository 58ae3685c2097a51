// Writes schema/metadata.json from the built package (run after tsc): the published JSON Schema
// of a metadata document with the built-in field types. A test keeps the checked-in file in sync.
import { writeFileSync } from 'node:fs';
import { buildDocumentSchema } from '../dist/document-schema.js';

const target = new URL('../schema/metadata.json', import.meta.url);
writeFileSync(target, JSON.stringify(buildDocumentSchema(), null, 2) + '\n');
console.log(`wrote ${target.pathname}`);

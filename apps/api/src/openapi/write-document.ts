import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { API_CONTROLLERS } from './api-controllers.js';
import { buildOpenApiDocument } from './openapi-document.js';

/**
 * Writes the OpenAPI document to the file named on the command line, without starting a server
 * (the document is built from the controllers' metadata): what `npm run openapi:lint` lints.
 */
const target = process.argv[2];
if (!target) {
  console.error('usage: node write-document.js <file.json>');
  process.exit(2);
}
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(API_CONTROLLERS), null, 2)}\n`);
console.log(`OpenAPI document written to ${target}`);

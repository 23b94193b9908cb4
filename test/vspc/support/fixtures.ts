/** The vendored VSPC example payloads in `test/fixtures/vspc/`. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../fixtures/vspc/', import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: fixtures are arbitrary JSON documents
export function fixture(name: string): any {
  return JSON.parse(readFileSync(`${dir}${name}`, 'utf8'));
}

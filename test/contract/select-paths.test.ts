/**
 * Every property path the client asks VSPC to `select` on usage reports names a property of
 * `SingleLicenseReport` in the vendored OpenAPI document (API 3.6.1), stepping through subschemas
 * and arrays as VSPC's `subschema.property` paths do. A misspelled path would make VSPC refuse the
 * request (then the bot falls back to whole reports) or leave a property out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MONTH_SELECT, REPORT_SELECT } from '../../src/licenses/v3/selected-reports.js';

interface SchemaNode {
  $ref?: string;
  type?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  allOf?: SchemaNode[];
}

const document = JSON.parse(readFileSync(new URL('./vspc-openapi-licensing.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, SchemaNode> };
};

/** The object schema a node stands for: references followed, arrays stepped into, allOf merged. */
function objectOf(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node) return undefined;
  if (node.$ref) return objectOf(document.components.schemas[node.$ref.replace('#/components/schemas/', '')]);
  if (node.type === 'array') return objectOf(node.items);
  if (node.allOf) {
    const properties = Object.assign({}, ...node.allOf.map((part) => objectOf(part)?.properties ?? {}));
    return { type: 'object', properties };
  }
  return node;
}

/** Whether `path` (`a.b.c`) names a property under the schema, and that property's schema. */
function resolve(schemaName: string, path: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = document.components.schemas[schemaName];
  for (const key of path.split('.')) node = objectOf(node)?.properties?.[key];
  return node;
}

describe('select paths against the OpenAPI document', () => {
  it.each([
    ['REPORT_SELECT', REPORT_SELECT],
    ['MONTH_SELECT', MONTH_SELECT],
  ])('%s names properties of SingleLicenseReport', (_, select) => {
    const unknown = select
      .map((s) => s.propertyPath)
      .filter((path) => resolve('SingleLicenseReport', path) === undefined);
    expect(unknown).toEqual([]);
  });

  it('the resolver finds nested properties and refuses made-up ones', () => {
    expect(resolve('SingleLicenseReport', 'usageDetails.usageByLicenseAndProduct.usedPoints')).toBeDefined();
    expect(resolve('SingleLicenseReport', 'usageDetails.usageByLicenseAndProduct.points')).toBeUndefined();
    expect(resolve('SingleLicenseReport', 'reportParemeters')).toBeUndefined();
  });
});

/**
 * Validation against the vendored VSPC OpenAPI document (API 3.6.1, licensing subset), for the
 * simulator's contract tests and for client tests that check the request bodies they build.
 *
 * OpenAPI 3.0 is not JSON Schema: `nullable: true` becomes `anyOf [schema, null]`, and
 * `#/components/schemas/X` references are pointed at one registered components schema.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface MediaType {
  schema?: JsonObject;
}
interface ResponseSpec {
  content?: Record<string, MediaType>;
}
interface OperationSpec {
  operationId: string;
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseSpec>;
}

export interface OperationRef {
  operationId: string;
  method: string;
  /** Templated path without `/api/v3`, as in the document (`/licensing/sites/{siteUid}`). */
  path: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

const document = JSON.parse(readFileSync(new URL('./vspc-openapi-licensing.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, OperationSpec>>;
  components: { schemas: Record<string, JsonObject> };
};

const COMPONENTS_ID = 'vspc-components';
const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** OpenAPI 3.0 schema → JSON Schema (draft 7 flavour Ajv understands). */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) {
      out[key] = `${COMPONENTS_ID}${value}`;
    } else if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function makeAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes });
  // ajv-formats is CommonJS: under NodeNext the callable sits on `default` or is the module itself.
  type AddFormats = (instance: Ajv) => Ajv;
  const loaded = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
  (loaded.default ?? loaded)(ajv);
  ajv.addSchema(
    { $id: COMPONENTS_ID, components: { schemas: toJsonSchema(document.components.schemas as Json) } } as object,
    COMPONENTS_ID,
  );
  return ajv;
}

const strictAjv = makeAjv(false);
// Form fields arrive as strings (`readOnly=true`), so form bodies are checked with type coercion.
const formAjv = makeAjv(true);
const compiled = new Map<string, ValidateFunction>();

function validatorFor(key: string, schema: JsonObject, ajv: Ajv): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(toJsonSchema(schema) as object);
    compiled.set(key, fn);
  }
  return fn;
}

function describe(fn: ValidateFunction): string[] {
  return (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}

export function operations(): OperationRef[] {
  const out: OperationRef[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (METHODS.has(method)) out.push({ operationId: op.operationId, method: method.toUpperCase(), path });
    }
  }
  return out;
}

function specOf(ref: OperationRef): OperationSpec {
  return document.paths[ref.path]![ref.method.toLowerCase()]!;
}

function matchTemplate(template: string, path: string): number {
  const t = template.split('/').filter(Boolean);
  const p = path.split('/').filter(Boolean);
  if (t.length !== p.length) return -1;
  let literals = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i]!.startsWith('{')) continue;
    if (t[i]!.toLowerCase() !== p[i]!.toLowerCase()) return -1;
    literals++;
  }
  return literals;
}

/**
 * The operation for an operationId, or for a method and a concrete or templated path
 * (`/api/v3/licensing/sites/3f…?select=…` works; literal segments win over parameters).
 */
export function findOperation(idOrMethod: string, path?: string): OperationRef {
  const all = operations();
  if (path === undefined) {
    const byId = all.find((op) => op.operationId === idOrMethod);
    if (!byId) throw new Error(`No operation ${idOrMethod} in the OpenAPI document`);
    return byId;
  }
  const bare = path.split('?')[0]!.replace(/^\/api\/v3(?=\/)/i, '');
  let best: OperationRef | undefined;
  let bestScore = -1;
  for (const op of all) {
    if (op.method !== idOrMethod.toUpperCase()) continue;
    const score = matchTemplate(op.path, bare);
    if (score > bestScore) {
      best = op;
      bestScore = score;
    }
  }
  if (!best) throw new Error(`No operation for ${idOrMethod.toUpperCase()} ${path} in the OpenAPI document`);
  return best;
}

type OperationSelector = string | { method: string; path: string };

function resolve(selector: OperationSelector): OperationRef {
  return typeof selector === 'string' ? findOperation(selector) : findOperation(selector.method, selector.path);
}

function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return true;
  return body instanceof Uint8Array && body.length === 0;
}

function asJson(body: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false, error: 'body is not valid JSON' };
    }
  }
  return { ok: true, value: body };
}

/**
 * Checks a response body against the schema the document declares for that operation and status
 * (the exact status, else `default`). Bodies may be parsed JSON, a string or bytes.
 */
export function validateResponse(selector: OperationSelector, status: number, body: unknown): ValidationResult {
  const ref = resolve(selector);
  const responses = specOf(ref).responses;
  const spec = responses[String(status)] ?? (status >= 400 ? responses.default : undefined);
  if (!spec) return { valid: false, errors: [`${ref.operationId} declares no ${status} response`] };
  const content = spec.content;
  if (!content) {
    return isEmptyBody(body)
      ? { valid: true, errors: [] }
      : { valid: false, errors: [`${ref.operationId} ${status} must have an empty body`] };
  }
  const jsonMedia = content['application/json'];
  if (!jsonMedia) {
    const binary = typeof body === 'string' || body instanceof Uint8Array;
    return binary
      ? { valid: true, errors: [] }
      : { valid: false, errors: [`${ref.operationId} ${status} must be bytes`] };
  }
  const parsed = asJson(body);
  if (!parsed.ok) return { valid: false, errors: [parsed.error] };
  const fn = validatorFor(`res:${ref.operationId}:${status}`, jsonMedia.schema ?? {}, strictAjv);
  return fn(parsed.value) ? { valid: true, errors: [] } : { valid: false, errors: describe(fn) };
}

function formToObject(body: unknown): Record<string, unknown> | null {
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
  if (body instanceof URLSearchParams) return Object.fromEntries(body);
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of body.entries()) out[key] = typeof value === 'string' ? value : '(file)';
    return out;
  }
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : null;
}

/**
 * Checks a request body a client builds (parsed JSON, a JSON string, form fields or FormData)
 * against the operation's request body schema. `contentType` picks the media type when the
 * operation declares several.
 */
export function validateRequestBody(
  method: string,
  path: string,
  body: unknown,
  contentType?: string,
): ValidationResult {
  const ref = findOperation(method, path);
  const spec = specOf(ref).requestBody;
  if (!spec) {
    return isEmptyBody(body)
      ? { valid: true, errors: [] }
      : { valid: false, errors: [`${ref.operationId} takes no request body`] };
  }
  if (isEmptyBody(body)) {
    return spec.required
      ? { valid: false, errors: [`${ref.operationId} requires a body`] }
      : { valid: true, errors: [] };
  }
  const media = contentType ? contentType.split(';')[0]!.trim().toLowerCase() : Object.keys(spec.content)[0]!;
  const schema = spec.content[media]?.schema;
  if (!schema) return { valid: false, errors: [`${ref.operationId} does not accept ${media}`] };
  if (media === 'application/json') {
    const parsed = asJson(body);
    if (!parsed.ok) return { valid: false, errors: [parsed.error] };
    const fn = validatorFor(`req:${ref.operationId}:${media}`, schema, strictAjv);
    return fn(parsed.value) ? { valid: true, errors: [] } : { valid: false, errors: describe(fn) };
  }
  const fields = formToObject(body);
  if (!fields) return { valid: false, errors: [`${ref.operationId} needs form fields`] };
  const fn = validatorFor(`req:${ref.operationId}:${media}`, schema, formAjv);
  return fn({ ...fields }) ? { valid: true, errors: [] } : { valid: false, errors: describe(fn) };
}

import fc from 'fast-check';

/**
 * Requests generated from the API's own OpenAPI document: for each operation, path parameters, a query
 * string and a JSON body, each either close to what the schema asks (real ids of the database, fields of
 * the right type, so the request gets past validation and into the services) or broken in one of the
 * ways a client or an attacker breaks them (wrong types, missing and unknown fields, U+0000, lone
 * surrogates, huge values, malformed JSON, prototype keys).
 */

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  example?: unknown;
}

export interface Route {
  method: string;
  /** the OpenAPI path, e.g. /api/submissions/{id}/values */
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema: Schema; required: boolean }>;
  body: Schema | null;
}

/** What the database holds, by kind: the generator draws ids and codes from it so requests reach the services. */
export type Pools = Record<string, string[]>;

export interface FuzzRequest {
  route: Route;
  role: string;
  method: string;
  url: string;
  /** undefined: no body; a string: sent as it is (malformed JSON and the like) */
  body: unknown;
  raw: boolean;
  contentType: string;
}

export function routesOf(doc: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const json = op.requestBody?.content?.['application/json']?.schema;
      routes.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {}, required: !!p.required })),
        body: json ? resolve(doc, json) : null,
      });
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

function resolve(doc: OpenApiDocument, s: Schema, depth = 0): Schema {
  if (depth > 8) return {};
  if (s.$ref) return resolve(doc, doc.components?.schemas?.[s.$ref.split('/').pop()!] ?? {}, depth + 1);
  const out: Schema = { ...s };
  if (s.items) out.items = resolve(doc, s.items, depth + 1);
  if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(doc, v, depth + 1)]));
  for (const k of ['oneOf', 'anyOf', 'allOf'] as const) if (s[k]) out[k] = s[k]!.map((x) => resolve(doc, x, depth + 1));
  return out;
}

/** Strings that break things: control characters, U+0000, lone surrogates, non-characters, specials, paths, huge. */
const nasty = fc.constantFrom(
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ufffe', '\u0001\u001f', '<script>alert(1)</script>', "' OR 1=1 --", '"', '\\',
  '../../etc/passwd', '%00', '%2e%2e%2f', '{}', '[]', 'null', 'NaN', 'Infinity', '-0', '1e309', '9'.repeat(40), 'Ω≈ç√∫', '🙂🇻🇳',
  '1.234,56', '-1,5', '0.005', '１２３', 'true', '__proto__', 'constructor', 'x'.repeat(5000),
);
const anyString = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.uuid() },
);
const anyNumber = fc.oneof(
  fc.integer(), fc.constantFrom(0, -1, 1, 2, 3, 12, 13, 1e15, 2 ** 31, 2 ** 53, -(2 ** 31) - 1, 0.5, 1e300, -1e-7),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyString },
  { weight: 2, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { a: 1 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const figureLike = fc.oneof(fc.constantFrom('1.234,5', '710.83', '0', '-1,5', null), fc.integer({ min: -1000, max: 100000 }));

/** which pool an id-like field or parameter draws from, by its name and the route it is on */
export function poolFor(name: string, path: string, pools: Pools): string[] {
  const n = name.toLowerCase();
  if (n === 'id') {
    const kind = path.split('/')[2]; // /api/<kind>/…
    if (path.startsWith('/api/me/notifications')) return pools.notification ?? [];
    return pools[{ submissions: 'submission', periods: 'period', reports: 'report', users: 'user', forms: 'form' }[kind] ?? ''] ?? [];
  }
  if (n.endsWith('id')) return pools[n.slice(0, -2)] ?? pools[n] ?? [];
  if (n.includes('code') || n === 'unit' || n === 'indicator') return [...(pools.unitCode ?? []), ...(pools.indicatorCode ?? [])];
  return pools[n] ?? [];
}

function pick(values: string[]): fc.Arbitrary<string> | null {
  return values.length ? fc.constantFrom(...values) : null;
}

/** a value that fits the schema (mostly): real ids from the pools for id-like names */
function fitting(schema: Schema, name: string, path: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const fromPool = pick(poolFor(name, path, pools));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  // the document's own example, and numbers near it: what a client sends (a month "2024-05", a year, a version)
  if (schema.example !== undefined && !fromPool && depth < 6) {
    const near = typeof schema.example === 'number' ? fc.integer({ min: -2, max: 2 }).map((d) => (schema.example as number) + d) : fc.constant(schema.example);
    return fc.oneof({ weight: 3, arbitrary: near }, { weight: 2, arbitrary: fitting({ ...schema, example: undefined }, name, path, pools, depth) });
  }
  if (name === 'version') return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 }) });
  if (schema.oneOf?.length || schema.anyOf?.length) return fc.oneof(...(schema.oneOf ?? schema.anyOf)!.map((s) => fitting(s, name, path, pools, depth + 1)));
  if (schema.allOf?.length) return fitting(Object.assign({}, ...schema.allOf), name, path, pools, depth + 1);
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const small = fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 30, (schema.minimum ?? 0) + 30) });
      if (name === 'year') return fc.constantFrom(2023, 2024, 2025);
      return schema.type === 'number' ? fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) }) : small;
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(fitting(schema.items ?? {}, name, path, pools, depth + 1), { maxLength: 4 });
    case 'object':
      // an "object" without properties is often how the document types a union (a figure: number, string or null)
      if (!schema.properties) return fc.oneof({ weight: 3, arbitrary: figureLike }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), garbage, { maxKeys: 3 }) });
      return objectOf(schema, path, pools, depth);
    case 'string':
      if (fromPool) return fc.oneof({ weight: 4, arbitrary: fromPool }, { weight: 1, arbitrary: anyString });
      if (schema.format === 'uuid') return fc.oneof(pick(Object.values(pools).flat().filter((v) => /^[0-9a-f-]{36}$/.test(v))) ?? fc.uuid(), fc.uuid());
      if (schema.format === 'date' || /date|from|to/i.test(name)) return fc.oneof(fc.constantFrom('2024-05-31', '2024-06-10', '2024-02-30'), anyString);
      return fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Tiếng Việt có dấu', '1.234,5', 'ok'), anyString);
    default:
      if (fromPool) return fromPool;
      // untyped (a figure is a string or a number): either
      return fc.oneof(figureLike, garbage);
  }
}

function objectOf(schema: Schema, path: string, pools: Pools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, s] of props) model[k] = fitting(s, k, path, pools, depth + 1);
  const requiredKeys = props.map(([k]) => k).filter((k) => required.has(k));
  return fc.record(model, { requiredKeys });
}

/** one way to break an object that fits: drop a field, give a field a wrong value, add an unknown or poisonous one */
function broken(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), garbage, fc.constantFrom('extra', '__proto__', 'constructor', 'prototype', 'x')).map(([v, n, g, k]) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return g;
    const o = { ...(v as Record<string, unknown>) };
    const keys = Object.keys(o);
    const choice = n % 3;
    if (choice === 0 && keys.length) delete o[keys[n % keys.length]];
    else if (choice === 1 && keys.length) o[keys[n % keys.length]] = g;
    else Object.defineProperty(o, k, { value: g, enumerable: true, writable: true, configurable: true });
    return o;
  });
}

const rawBodies = fc.constantFrom('{', '{"version": 1, "values": [', 'null', '"x"', '[]', '{"__proto__":{"polluted":1}}', '\u0000', '{"a":"\\u0000"}', '{"a":"\\ud800"}', '1e999');

function bodyFor(route: Route, pools: Pools): fc.Arbitrary<{ body: unknown; raw: boolean; contentType: string }> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((body) => ({ body, raw: false, contentType: 'application/json' }));
  if (!route.body) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant({ body: undefined, raw: false, contentType: 'application/json' }) },
      { weight: 1, arbitrary: json(garbage) },
    );
  }
  const valid = fitting(route.body, '', route.path, pools);
  return fc.oneof(
    { weight: 5, arbitrary: json(valid) },
    { weight: 4, arbitrary: json(broken(valid)) },
    { weight: 1, arbitrary: json(garbage) },
    { weight: 1, arbitrary: rawBodies.map((body) => ({ body, raw: true, contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/pdf').map((contentType) => ({ body: 'version=1', raw: true, contentType })) },
  );
}

/** percent-encodes the UTF-8 bytes of a string (a lone surrogate as U+FFFD: encodeURIComponent throws on it) */
const enc = (s: string) => Buffer.from(s, 'utf8').toString('latin1').replace(/[^A-Za-z0-9\-_.~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
/** already encoded, as a client could send it: bad escapes, an encoded lone surrogate (invalid UTF-8), NUL, slashes */
const rawEncoded = fc.constantFrom('%', '%zz', '%ED%A0%80', '%FF%FE', '%00', '..', '%2F', '%2e%2e', '%C0%AF', '+');

function segment(name: string, route: Route, pools: Pools): fc.Arbitrary<string> {
  const real = pick(poolFor(name, route.path, pools));
  const special = name === 'format' ? fc.constantFrom('docx', 'pdf', 'html', 'xlsx', 'DOCX', 'p7s') : name === 'number' ? fc.constantFrom('1', '2', '0', '-1', '1.5', '99999999999') : null;
  const bad = anyString.map((s) => enc(s).slice(0, 3000) || '%20');
  return fc.oneof(...[real && { weight: 6, arbitrary: real }, special && { weight: 4, arbitrary: special }, { weight: 3, arbitrary: bad }, { weight: 1, arbitrary: rawEncoded }, { weight: 1, arbitrary: fc.uuid() }].filter((x): x is { weight: number; arbitrary: fc.Arbitrary<string> } => !!x));
}

function queryFor(route: Route, pools: Pools): fc.Arbitrary<string> {
  const known = route.query.map((q) =>
    fc.option(
      fc.oneof(
        { weight: 3, arbitrary: fitting(q.schema, q.name, route.path, pools).map((v) => (Array.isArray(v) ? v.map(String) : [String(v)])) },
        { weight: 1, arbitrary: anyString.map((s) => [s]) },
        { weight: 1, arbitrary: fc.array(anyString, { minLength: 2, maxLength: 3 }) },
        { weight: 1, arbitrary: rawEncoded.map((s) => [`\u0000raw:${s}`]) },
      ).map((vs) => vs.map((v) => `${enc(q.name)}=${v.startsWith('\u0000raw:') ? v.slice(5) : enc(v)}`).join('&')),
      // a required parameter left out one time in ten, an optional one in three
      { freq: q.required ? 10 : 3 },
    ),
  );
  // an unknown parameter now and then (fc.option's freq is the odds of *no* value: 1 in freq)
  const unknown = fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(anyString, anyString).map(([k, v]) => `${enc(k || 'k')}=${enc(v)}`) });
  return fc.tuple(fc.tuple(...known), unknown).map(([ks, u]) => [...ks, u].filter((x): x is string => !!x).join('&'));
}

/** A request to one route as one role: its URL (path parameters and query string) and body. */
export function requestFor(route: Route, roles: string[], pools: Pools): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.constantFrom(...roles), fc.tuple(...route.pathParams.map((p) => segment(p, route, pools))), queryFor(route, pools), bodyFor(route, pools))
    .map(([role, segments, query, b]) => {
      let path = route.path;
      route.pathParams.forEach((p, i) => (path = path.replace(`{${p}}`, segments[i])));
      return { route, role, method: route.method, url: query ? `${path}?${query}` : path, ...b };
    });
}

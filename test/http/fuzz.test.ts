// The probe's classes kept as a test: every operation in the OpenAPI document gets bodies, path
// parameters and query strings generated from its own schema (plus garbage), and must never answer
// 5xx, and must answer every 4xx as problem JSON. Bounded so it runs in seconds.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
};
type Operation = {
  parameters?: { in: string; name: string; schema?: Schema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

const RUNS_PER_OPERATION = 12;

/** Values shaped like the schema, now and then broken: what a careless or hostile client sends. */
function arbitraryFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.anything({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      if (!props.length)
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 3 });
      return fc.record(Object.fromEntries(props.map(([k, s]) => [k, arbitraryFor(s, depth + 1)])), {
        requiredKeys: (schema.required ?? []).filter((k) => schema.properties?.[k]),
      });
    }
    case 'array':
      return fc.array(arbitraryFor(schema.items, depth + 1), { maxLength: 3 });
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }));
      if (schema.format === 'date-time')
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
        );
      return fc.string({ maxLength: Math.min(schema.maxLength ?? 60, 300) + 5, unit: 'binary' });
    case 'integer':
      return fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer(), fc.constant(Number.MAX_SAFE_INTEGER));
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 100 }));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

let t: TestApp;
let operations: { method: string; path: string; op: Operation }[] = [];
beforeAll(async () => {
  t = await createTestApp();
  // A real order and return, so some generated ids meet rows.
  const order = (await t.call('POST', '/api/v1/orders', makeOrder({ number: 'FUZZ-1' }))).json();
  await t.call('POST', '/api/v1/returns', { order_id: order.id, lines: [{ line_id: 'L1', quantity: 1 }] });
  const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([m]) => ['get', 'post', 'put', 'delete', 'patch'].includes(m))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
afterAll(async () => {
  await t?.close();
});

describe('every operation, fuzzed', () => {
  it('covers the API', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it('never answers 5xx, and answers every 4xx as problem JSON', async () => {
    const failures: string[] = [];
    const answered = new Set<string>();
    let address = 0;
    for (const { method, path, op } of operations) {
      const params = (op.parameters ?? []).filter((p) => p.in === 'path');
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const input = fc.record({
        params: fc.tuple(...params.map((p) => fc.oneof(arbitraryFor(p.schema), fc.uuid()))),
        query: fc.tuple(...query.map((q) => fc.option(arbitraryFor(q.schema)))),
        body: bodySchema
          ? fc.oneof(arbitraryFor(bodySchema), fc.anything({ maxDepth: 3 }))
          : fc.constant(undefined),
        role: fc.constantFrom('owner', 'agent', 'read_only') as fc.Arbitrary<'owner' | 'agent' | 'read_only'>,
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ params: values, query: queryValues, body, role }) => {
          let url = path;
          params.forEach((p, i) => {
            url = url.replace(`{${p.name}}`, encodeURIComponent(String(values[i] ?? 'x')));
          });
          const search = new URLSearchParams();
          query.forEach((q, i) => {
            const v = queryValues[i];
            if (v !== null && v !== undefined)
              search.set(q.name, typeof v === 'string' ? v : JSON.stringify(v));
          });
          if ([...search].length) url += `?${search}`;
          const res = await t.app.inject({
            method: method as 'GET',
            url,
            ...(body === undefined || method === 'GET' || method === 'DELETE'
              ? {}
              : { payload: JSON.stringify(body) }),
            headers: {
              authorization: `Bearer ${t.tokens[role]}`,
              'content-type': 'application/json',
              'idempotency-key': `fuzz-${++address}`,
            },
            remoteAddress: `10.99.${(address >> 8) & 255}.${address & 255}`,
          });
          if (res.statusCode < 300) answered.add(`${method} ${path}`);
          const problem =
            res.statusCode >= 400 &&
            String(res.headers['content-type']).startsWith('application/problem+json');
          if (res.statusCode >= 500 || (res.statusCode >= 400 && !problem))
            failures.push(`${method} ${url} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
          return true;
        }),
        { numRuns: RUNS_PER_OPERATION, seed: 42 },
      );
    }
    expect(failures).toEqual([]);
    // Not only refusals: the generated requests reach the handlers of many operations.
    expect(answered.size).toBeGreaterThanOrEqual(12);
  }, 120_000);
});

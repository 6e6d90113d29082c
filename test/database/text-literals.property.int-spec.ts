import fc from 'fast-check';
import { Client } from 'pg';
import { textArray } from '../../libs/database/src/pg-array';
import { auditAfter, ValuesSaveRequest } from '../../libs/database/src/repositories/submission-values.repository';

/**
 * Property tests of the literals the save builds by hand and PostgreSQL parses: text arrays and the
 * audit's "after" JSON, for any text an officer can get past the API (any Unicode string without
 * U+0000, which PostgreSQL's text and jsonb cannot hold and the API refuses; lone surrogates arrive as
 * U+FFFD, as UTF-8 cannot carry them either). Fixed seeds; FC_SEED / FC_RUNS explore further.
 */
const SEED = Number(process.env.FC_SEED ?? 1606);
const RUNS = Number(process.env.FC_RUNS ?? 300);

/** what the API lets through: well-formed, no U+0000 (see no-nul-text in apps/api) */
const storable = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', ',', ' ', 'NULL', '\n', '\t', "'", 'đ', '\u0001', '\ufffe'), maxLength: 20 }),
).map((s) => s.replace(/\u0000/g, '').replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));
const figure = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 21n - 1n })).map(([neg, n]) => {
  const s = n.toString().padStart(7, '0');
  const text = `${s.slice(0, -6).replace(/^0+(?=\d)/, '')}.${s.slice(-6)}`.replace(/\.?0+$/, '') || '0';
  return neg && text !== '0' ? `-${text}` : text;
});

describe('hand-built literals, read back by PostgreSQL', () => {
  const client = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('textArray: PostgreSQL reads back exactly the elements written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(storable, { nil: null }), { maxLength: 12 }), async (values) => {
        const { rows } = await client.query<{ v: Array<string | null> }>('SELECT $1::text[] AS v', [textArray(values)]);
        expect(rows[0].v).toEqual(values);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('auditAfter: jsonb accepts it, and keeps every figure exact and every text as typed', async () => {
    const cell = fc.record({
      code: storable.filter((s) => s.length > 0),
      num: fc.option(figure, { nil: null }),
      text: fc.option(storable, { nil: null }),
      cum: fc.option(fc.option(figure, { nil: null }), { nil: undefined }),
      note: fc.option(fc.option(storable, { nil: null }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(cell, { selector: (c) => c.code, maxLength: 8 }), fc.integer({ min: 0, max: 1e6 }), async (cells, version) => {
        const r: ValuesSaveRequest = {
          submissionId: '00000000-0000-0000-0000-000000000000', version, actorId: '00000000-0000-0000-0000-000000000000',
          codes: cells.map((c) => c.code),
          nums: cells.map((c) => c.num),
          texts: cells.map((c) => (c.num === null ? c.text : null)),
          cumSet: cells.map((c) => c.cum !== undefined),
          cums: cells.map((c) => c.cum ?? null),
          noteSet: cells.map((c) => c.note !== undefined),
          notes: cells.map((c) => c.note ?? null),
        };
        const json = auditAfter(r);
        // figures compared as text: jsonb keeps a numeric literal exactly, JSON.parse would round it
        const { rows } = await client.query(
          `SELECT (j->>'version')::int AS version,
                  (SELECT jsonb_object_agg(k, v #>> '{}') FROM jsonb_each(j->'values') AS e(k, v)) AS values,
                  (SELECT jsonb_object_agg(k, v #>> '{}') FROM jsonb_each(j->'notes') AS e(k, v)) AS notes,
                  (SELECT jsonb_object_agg(k, v #>> '{}') FROM jsonb_each(j->'cumulative') AS e(k, v)) AS cums
           FROM (SELECT $1::jsonb AS j) x`,
          [json],
        );
        const expected = (pairs: Array<[string, string | null]>) => (pairs.length ? Object.fromEntries(pairs) : null);
        expect(rows[0]).toEqual({
          version: version + 1,
          values: expected(cells.map((c) => [c.code, c.num ?? c.text])),
          notes: expected(cells.filter((c) => c.note !== undefined).map((c) => [c.code, c.note ?? null])),
          cums: expected(cells.filter((c) => c.cum !== undefined).map((c) => [c.code, c.cum ?? null])),
        });
        expect(() => JSON.parse(json)).not.toThrow();
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

import { writeFileSync } from 'node:fs';
import { runFuzz } from '../fuzz/api-fuzzer';
import { FuzzWorld, startFuzzWorld } from '../fuzz/fuzz-world';

/**
 * The API fuzzer (test/fuzz): requests generated from the OpenAPI document, to every route, as every
 * role of the demo, nobody and a forged token. Invariants: no 5xx (nothing a user sends may produce a
 * 500), an answer to every request, and a refused request (4xx) changes nothing in the database.
 * In `npm test`: a fixed seed and a budget of a few thousand requests; `npm run fuzz -- --budget 100000
 * --seed 7` runs longer (FUZZ_BUDGET, FUZZ_SEED).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 16);
const BUDGET = Number(process.env.FUZZ_BUDGET ?? 3000);

describe('the API, fuzzed from its OpenAPI document', () => {
  let world: FuzzWorld;
  beforeAll(async () => {
    world = await startFuzzWorld();
  }, 180_000);
  afterAll(() => world?.close());

  it(`answers ${BUDGET} generated requests (seed ${SEED}) without a 5xx, and refuses without changing the database`, async () => {
    // FUZZ_DUMP_DOC=/tmp/openapi.json: the document the requests are drawn from
    if (process.env.FUZZ_DUMP_DOC) writeFileSync(process.env.FUZZ_DUMP_DOC, JSON.stringify(world.doc, null, 1));
    const report = await runFuzz({ ...world, seed: SEED, budget: BUDGET, log: (l) => process.stdout.write(`${l}\n`) });
    process.stdout.write(`${JSON.stringify({ ...report, findings: report.findings.length }, null, 1)}\n`);
    expect(report.tried).toBe(BUDGET);
    // every route of the document was tried, and the generator reaches past validation on most of them
    expect(Object.keys(report.byRoute)).toHaveLength(report.routes);
    expect(report.findings).toEqual([]);
  }, Math.max(300_000, BUDGET * 200));
});

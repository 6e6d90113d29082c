import { Client } from 'pg';
import { SAVE_BATCH_SQL } from '../apps/api/src/submissions/save-batch.sql';
import { auditAfter, SaveRequest } from '../apps/api/src/submissions/save-batcher';
import { boolArray, intArray, textArray } from '../libs/database/src/pg-array';
(async () => {
  const c = new Client('postgres://postgres@127.0.0.1:5432/tonghop_bench'); await c.connect();
  const n = Number(process.argv[2] ?? 50);
  const subs = (await c.query(`select s.id, s.version, u.id as actor from submissions s join users u on u.unit_id = s.unit_id where u.role='officer' limit ${n}`)).rows;
  const codes = (await c.query(`select distinct indicator_code from submission_values limit 50`)).rows.map((r) => r.indicator_code);
  const reqs: SaveRequest[] = subs.map((s) => ({ submissionId: s.id, version: s.version, actorId: s.actor, codes, nums: codes.map((_, i) => String(1000 + i + Math.random()).slice(0, 9)), texts: codes.map(() => null), cumSet: codes.map(() => false), cums: codes.map(() => null), noteSet: codes.map(() => false), notes: codes.map(() => null) }));
  const cells: any = { idx: [], codes: [], nums: [], texts: [], cumSet: [], cums: [], noteSet: [], notes: [] };
  reqs.forEach((r, i) => r.codes.forEach((code, k) => { cells.idx.push(i); cells.codes.push(code); cells.nums.push(r.nums[k]); cells.texts.push(null); cells.cumSet.push(false); cells.cums.push(null); cells.noteSet.push(false); cells.notes.push(null); }));
  const values = [textArray(reqs.map((r) => r.submissionId)), intArray(reqs.map((r) => r.version)), textArray(reqs.map((r) => r.actorId)), `[${reqs.map(auditAfter).join(',')}]`, intArray(cells.idx), textArray(cells.codes), textArray(cells.nums), textArray(cells.texts), boolArray(cells.cumSet), textArray(cells.cums), boolArray(cells.noteSet), textArray(cells.notes)];
  await c.query('set plan_cache_mode = force_custom_plan');
  for (let i = 0; i < 3; i++) {
    await c.query('begin');
    const t = performance.now();
    const r = await c.query({ text: 'EXPLAIN (ANALYZE, SUMMARY) ' + SAVE_BATCH_SQL, values });
    const wall = performance.now() - t;
    await c.query('rollback');
    if (i === 2) console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
    console.log('wall', wall.toFixed(1));
  }
  await c.end();
})();

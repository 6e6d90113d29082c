#!/usr/bin/env node
'use strict';
/**
 * The API fuzzer, longer than `npm test` runs it: `npm run fuzz -- --budget 100000 --seed 7`.
 * Runs test/e2e/api-fuzz.e2e-spec.ts through jest (its global setup finds Postgres and Redis and
 * migrates the template database) with FUZZ_BUDGET and FUZZ_SEED.
 */
const { spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const budget = Number(option('budget', '20000'));
const seed = Number(option('seed', String(Date.now() % 100000)));
if (!Number.isInteger(budget) || budget < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--budget N] [--seed N]');
  process.exit(2);
}
console.log(`fuzzing: budget ${budget}, seed ${seed} (replay with --seed ${seed})`);
const jest = require.resolve('jest/bin/jest');
const r = spawnSync(process.execPath, [jest, 'test/e2e/api-fuzz.e2e-spec.ts', '--selectProjects', 'e2e'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_BUDGET: String(budget), FUZZ_SEED: String(seed) },
});
process.exit(r.status ?? 1);

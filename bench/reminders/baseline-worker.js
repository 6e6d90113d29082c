'use strict';
/**
 * The baseline: a BullMQ worker whose jobs do nothing but insert one row each — the least a job
 * that records its effect must do. Same Redis, same Postgres, same concurrency and pool size and
 * the same job options (retries, retention) as our reminder worker.
 *   env: DATABASE_URL, REDIS_URL, QUEUE_PREFIX, BENCH_CONCURRENCY
 */
const { Worker } = require('bullmq');
const { Pool } = require('pg');

const url = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const worker = new Worker(
  'bench-baseline',
  async (job) => {
    await pool.query('INSERT INTO bench_baseline_rows (job_id) VALUES ($1)', [job.id]);
  },
  { connection, prefix: process.env.QUEUE_PREFIX, concurrency: Number(process.env.BENCH_CONCURRENCY || 16) },
);
worker.on('error', (e) => console.error(e.message));
worker.waitUntilReady().then(() => console.log('baseline worker ready'));

process.on('SIGTERM', async () => {
  await worker.close();
  await pool.end();
  process.exit(0);
});

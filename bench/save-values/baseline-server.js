'use strict';
/**
 * The floor: plain node:http + pg, no framework, no auth, no validation, no audit, no version check.
 * PUT /api/submissions/:id/values  {version, values:[{indicatorCode, value}]}
 *   → ONE multi-row INSERT … ON CONFLICT DO UPDATE, then 200 {"ok":true}.
 * The only "parsing" is turning a Vietnamese "1.234,5" string into "1234.5" so that Postgres accepts it.
 *
 * env: DATABASE_URL, PORT (default 3102), BASELINE_POOL_SIZE (default 20)
 */
const http = require('node:http');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.BASELINE_POOL_SIZE || 20) });
const PORT = Number(process.env.PORT || 3102);
const ROUTE = /^\/api\/submissions\/([0-9a-fA-F-]{36})\/values$/;

const toNumeric = (v) => (typeof v === 'string' ? v.replace(/\./g, '').replace(',', '.') : v);

function reply(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function save(id, body) {
  const params = [id];
  const tuples = body.values.map((v) => {
    params.push(v.indicatorCode, toNumeric(v.value));
    return `($1, $${params.length - 1}, $${params.length}::numeric)`;
  });
  await pool.query(
    `INSERT INTO submission_values (submission_id, indicator_code, numeric_value) VALUES ${tuples.join(', ')}
     ON CONFLICT (submission_id, indicator_code) DO UPDATE SET numeric_value = EXCLUDED.numeric_value`,
    params,
  );
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/api/health') return reply(res, 200, { status: 'ok' });
  const m = req.method === 'PUT' ? ROUTE.exec(req.url) : null;
  if (!m) {
    req.resume();
    return reply(res, 404, { code: 'NOT_FOUND' });
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return reply(res, 400, { code: 'BAD_JSON' });
    }
    save(m[1], body).then(
      () => reply(res, 200, { ok: true }),
      (error) => reply(res, 500, { code: 'DB_ERROR', message: error.message }),
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(PORT, '127.0.0.1', () => console.log(`baseline listening on ${PORT}`));

const shutdown = () => server.close(() => pool.end().finally(() => process.exit(0)));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { changesSince, lastChange } from './change-log';
import { FuzzRequest, OpenApiDocument, Pools, requestFor, Route, routesOf } from './openapi-requests';

export interface FuzzOptions {
  baseUrl: string;
  db: DataSource;
  doc: OpenApiDocument;
  /** role label → bearer token (null: no token) */
  tokens: Record<string, string | null>;
  pools: Pools;
  seed: number;
  budget: number;
  log?: (line: string) => void;
}

export interface FuzzFinding {
  kind: '5xx' | 'changed-on-refusal' | 'no-answer';
  request: string;
  role: string;
  status: number;
  answer: string;
  changes?: string[];
}

export interface FuzzReport {
  seed: number;
  tried: number;
  routes: number;
  byStatus: Record<string, number>;
  /** per route ("PUT /api/submissions/{id}/values"): requests sent, and how many were answered 2xx */
  byRoute: Record<string, { tried: number; ok: number }>;
  findings: FuzzFinding[];
  ms: number;
}

const describeRequest = (r: FuzzRequest) =>
  `${r.method} ${r.url.length > 300 ? `${r.url.slice(0, 300)}…` : r.url}${r.body === undefined ? '' : ` ${r.raw ? 'raw ' : ''}${truncate(r.raw ? String(r.body) : JSON.stringify(r.body))}`}`;
const truncate = (s: string | undefined) => (s && s.length > 400 ? `${s.slice(0, 400)}…` : s ?? '');

/**
 * Sends `budget` generated requests, one at a time, to every route of the OpenAPI document as every
 * role, and records what must never happen: a 5xx (or no answer at all), and a refused request (4xx)
 * after which the database is not as it was. Requests are drawn by fast-check from `seed`: the same seed
 * against the same database sends the same requests.
 */
export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const routes = routesOf(o.doc);
  const roles = Object.keys(o.tokens);
  const report: FuzzReport = { seed: o.seed, tried: 0, routes: routes.length, byStatus: {}, byRoute: {}, findings: [], ms: 0 };
  const started = Date.now();
  const arbitrary = fc.constantFrom(...routes).chain((route: Route) => requestFor(route, roles, o.pools));
  let mark = await lastChange(o.db);
  await fc.assert(
    fc.asyncProperty(arbitrary, async (req) => {
      report.tried++;
      const key = `${req.method} ${req.route.path}`;
      const route = (report.byRoute[key] ??= { tried: 0, ok: 0 });
      route.tried++;
      const token = o.tokens[req.role];
      const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}) };
      let body: string | undefined;
      if (req.body !== undefined && req.method !== 'GET') {
        headers['content-type'] = req.contentType;
        body = req.raw ? String(req.body) : JSON.stringify(req.body);
      }
      let status = 0;
      let answer = '';
      try {
        const res = await fetch(`${o.baseUrl}${req.url}`, { method: req.method, headers, body, signal: AbortSignal.timeout(60_000) });
        status = res.status;
        answer = res.status >= 400 ? await res.text() : (await res.arrayBuffer(), '');
      } catch (error) {
        answer = String(error);
      }
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      if (status >= 200 && status < 300) route.ok++;
      const finding = (kind: FuzzFinding['kind'], changes?: string[]) => {
        report.findings.push({ kind, request: describeRequest(req), role: req.role, status, answer: truncate(answer), changes });
        o.log?.(`FINDING ${kind} ${status} as ${req.role}: ${describeRequest(req)} → ${truncate(answer)}${changes ? ` changes: ${changes.join(', ')}` : ''}`);
      };
      if (status === 0) finding('no-answer');
      else if (status >= 500) finding('5xx');
      const changes = await changesSince(o.db, mark);
      // a refused login is recorded on purpose (the audit log keeps every failed login): that one row, nothing else
      const recorded = req.method === 'POST' && req.url.split('?')[0] === '/api/auth/login' && (status === 401 || status === 429) ? ['audit_log:INSERT×1'] : [];
      const unexpected = changes.filter((c) => !recorded.includes(c));
      if (status >= 400 && status < 500 && unexpected.length) finding('changed-on-refusal', changes);
      mark = await lastChange(o.db);
      if (report.tried % 500 === 0) o.log?.(`${report.tried} requests, ${report.findings.length} findings, ${Math.round((Date.now() - started) / 1000)} s`);
    }),
    { seed: o.seed, numRuns: o.budget, endOnFailure: true },
  );
  report.ms = Date.now() - started;
  return report;
}

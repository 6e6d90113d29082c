import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The shape of the house, checked from the code's own imports: libraries import no app, the
 * domain lib does no I/O, the import graph of the product code has no cycle, SQL lives in
 * libs/database (migrations aside), and only libs/config reads the environment.
 */
const ROOT = resolve(__dirname, '..');
const ALIASES: Record<string, string> = {
  '@app/domain': 'libs/domain/src',
  '@app/database': 'libs/database/src',
  '@app/config': 'libs/config/src',
  '@app/queue': 'libs/queue/src',
  '@app/security': 'libs/security/src',
  '@app/contracts': 'libs/contracts/src',
  '@app/signing': 'libs/signing/src',
};

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.(spec|e2e-spec|int-spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const FILES = [...sources('apps'), ...sources('libs')];
const FILE_SET = new Set(FILES);

/** The project file an import names, or null for a package. */
function target(from: string, spec: string): string | null {
  let base: string | null = null;
  for (const [alias, dir] of Object.entries(ALIASES)) {
    if (spec === alias) base = dir;
    else if (spec.startsWith(`${alias}/`)) base = join(dir, spec.slice(alias.length + 1));
  }
  if (base === null && spec.startsWith('.')) base = relative(ROOT, resolve(ROOT, dirname(from), spec));
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (FILE_SET.has(candidate)) return candidate;
  }
  return null;
}

/** Imports that load code at run time (type-only imports are erased and cannot make a cycle). */
function imports(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Array<{ spec: string; typeOnly: boolean }> = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) found.push({ spec: m[3], typeOnly: !!m[2] });
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) found.push({ spec: m[1], typeOnly: false });
  return found;
}

const GRAPH = new Map(FILES.map((f) => [f, imports(f)]));

describe('the shape of the code', () => {
  it('libraries import no app', () => {
    const offending = FILES.filter((f) => f.startsWith('libs/')).flatMap((f) =>
      GRAPH.get(f)!.map((i) => target(f, i.spec)).filter((t): t is string => !!t && t.startsWith('apps/')).map((t) => `${f} → ${t}`),
    );
    expect(offending).toEqual([]);
  });

  it('the domain lib does no I/O and knows no framework', () => {
    const io = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|tls|cluster|worker_threads)$|^(pg|typeorm|ioredis|bullmq|nodemailer|exceljs|docx)$|^@nestjs\//;
    const offending = FILES.filter((f) => f.startsWith('libs/domain/')).flatMap((f) =>
      GRAPH.get(f)!.filter((i) => io.test(i.spec)).map((i) => `${f} imports ${i.spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('the import graph of apps and libs has no cycle', () => {
    const edges = new Map(
      FILES.map((f) => [f, GRAPH.get(f)!.filter((i) => !i.typeOnly).map((i) => target(f, i.spec)).filter((t): t is string => !!t)]),
    );
    // Tarjan's strongly connected components: any component of more than one file is a cycle
    let index = 0;
    const stack: string[] = [];
    const meta = new Map<string, { index: number; low: number; onStack: boolean }>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
      meta.set(v, { index, low: index, onStack: true });
      index++;
      stack.push(v);
      for (const w of edges.get(v) ?? []) {
        if (!meta.has(w)) {
          visit(w);
          meta.get(v)!.low = Math.min(meta.get(v)!.low, meta.get(w)!.low);
        } else if (meta.get(w)!.onStack) meta.get(v)!.low = Math.min(meta.get(v)!.low, meta.get(w)!.index);
      }
      if (meta.get(v)!.low === meta.get(v)!.index) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          meta.get(w)!.onStack = false;
          component.push(w);
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const f of FILES) if (!meta.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('only libs/config reads the environment', () => {
    const offending = FILES.filter((f) => !f.startsWith('libs/config/') && /process\.env/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('SQL lives in libs/database: no .query( in the apps', () => {
    const offending = FILES.filter((f) => f.startsWith('apps/') && /\.query\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offending).toEqual([]);
  });
});

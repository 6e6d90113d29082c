import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Where the signing keys are (SIGNING_KEYS_FILE): a JSON file that names, for the body (UBND tỉnh,
 * applied by the records office) and for each signer (by username), a PKCS#12 file and where its
 * password is — `passwordFile` (a secrets file, e.g. a Docker/Kubernetes secret mounted read-only)
 * or `passwordEnv` (the name of an environment variable). Passwords are never in this file or in
 * the database. Paths are relative to the file. Example (the demo writes one under .data/demo-pki/):
 *
 *   { "organization": { "name": "Ủy ban nhân dân tỉnh Lạng Sơn", "p12": "ubnd.p12", "passwordFile": "/run/secrets/ubnd-p12", "seal": "seal.png" },
 *     "signers": { "pct.huyen": { "p12": "huyen.p12", "passwordEnv": "P12_PASSWORD_HUYEN", "image": "huyen.png" } },
 *     "trustedRoots": ["ca-root.crt"], "timestampUrl": "http://ca.gov.vn/tsa" }
 *
 * A key kept elsewhere (a PKCS#11 token, a remote signing service) is named by `"kind"` and its
 * own settings; see libs/signing/src/signer.ts for where such a kind plugs in.
 */
export interface KeyEntry {
  kind: 'p12';
  p12: Buffer;
  password: string;
  /** the signature image (blue, transparent PNG) or, for the body, the seal (red, transparent PNG) */
  image: Buffer | null;
}

export interface SigningKeys {
  organization: KeyEntry & { name: string };
  signers: ReadonlyMap<string, KeyEntry>;
  /** root certificates (DER) a signature must chain to, to be called trusted */
  trustedRoots: Buffer[];
  /** RFC 3161 time-stamping authority: signatures become PAdES B-T */
  timestampUrl: string | null;
  /** the file it came from, for messages */
  source: string;
}

interface RawKey {
  kind?: string;
  p12?: string;
  passwordFile?: string;
  passwordEnv?: string;
  image?: string;
  seal?: string;
  name?: string;
}

function fail(file: string, what: string): never {
  throw new Error(`Cấu hình khóa ký không hợp lệ (SIGNING_KEYS_FILE=${file}): ${what}`);
}

function pemOrDer(data: Buffer): Buffer {
  const text = data.toString('latin1');
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(text);
  return m ? Buffer.from(m[1].replace(/\s+/g, ''), 'base64') : data;
}

function key(file: string, at: string, raw: RawKey | undefined, env: Record<string, string | undefined>): KeyEntry {
  const dir = dirname(file);
  if (!raw || typeof raw !== 'object') fail(file, `${at} is missing`);
  if ((raw.kind ?? 'p12') !== 'p12') fail(file, `${at}.kind "${raw.kind}" is not supported here (only "p12"; see libs/signing/src/signer.ts)`);
  if (!raw.p12) fail(file, `${at}.p12 is missing`);
  let password: string | undefined;
  if (raw.passwordFile) password = readFileSync(resolve(dir, raw.passwordFile), 'utf8').replace(/\r?\n$/, '');
  else if (raw.passwordEnv) password = env[raw.passwordEnv];
  if (password === undefined) fail(file, `${at}: no password (passwordFile, or passwordEnv naming a variable that is set)`);
  const image = raw.image ?? raw.seal;
  return { kind: 'p12', p12: readFileSync(resolve(dir, raw.p12)), password, image: image ? readFileSync(resolve(dir, image)) : null };
}

/** Reads SIGNING_KEYS_FILE once, at start-up; a missing file, key or password stops the process with a message naming it. */
export function loadSigningKeys(file: string, env: Record<string, string | undefined> = process.env): SigningKeys {
  let raw: { organization?: RawKey; signers?: Record<string, RawKey>; trustedRoots?: string[]; timestampUrl?: string | null };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(file, (e as Error).message);
  }
  const organization = key(file, 'organization', raw.organization, env);
  if (!raw.organization?.name) fail(file, 'organization.name is missing');
  const signers = new Map(Object.entries(raw.signers ?? {}).map(([username, k]) => [username, key(file, `signers.${username}`, k, env)]));
  const trustedRoots = (raw.trustedRoots ?? []).map((p) => pemOrDer(readFileSync(resolve(dirname(file), p))));
  return { organization: { ...organization, name: raw.organization!.name! }, signers, trustedRoots, timestampUrl: raw.timestampUrl ?? null, source: file };
}

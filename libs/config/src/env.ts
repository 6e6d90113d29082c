import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { StartupError } from './startup-error';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
/** an empty variable (KEY= in an env file) means "not set" */
const emptyIsUnset = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** config/ at the top of the repository, from the sources (jest) or from dist/apps/<app>. */
const DEFAULT_CONFIG_DIR = resolve(__dirname, '..', '..', '..', 'config');

/**
 * Every environment variable the apps read, validated once at start-up (`loadConfig`) and injected
 * (`@InjectConfig()`); nothing else reads `process.env`. A missing or malformed variable stops the
 * process with a message that names it.
 */
export class Env {
  /**
   * unset means production: a deployment that forgot it must not run on development defaults
   * (`npm run demo` and the tests set development and test themselves)
   */
  @Transform(({ value }) => (value === '' || value === undefined ? 'production' : value)) @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'production';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  /** postgres://…; when absent the apps look for a local or embedded Postgres */
  @Transform(emptyIsUnset) @IsOptional() @Matches(/^postgres(ql)?:\/\//) DATABASE_URL?: string;
  /**
   * postgres://… of the owner of the tables, for \`migrate\` and \`seed\` (default DATABASE_URL); the API and the
   * worker act as the role tonghop_app whatever their login (README "Least privilege in PostgreSQL")
   */
  @Transform(emptyIsUnset) @IsOptional() @Matches(/^postgres(ql)?:\/\//) DATABASE_MIGRATION_URL?: string;
  /** the database the apps create and use on a local or embedded Postgres (no DATABASE_URL) */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/) TONGHOP_DATABASE = 'tonghop';
  /** connections of the API's pool (the worker's pool is half of it) */
  @Transform(toInt) @IsInt() @Min(2) @Max(500) DATABASE_POOL_SIZE = 20;
  /** the API's statements are cancelled after this long (a stuck query frees its connection); 0 = no limit */
  @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000) DATABASE_STATEMENT_TIMEOUT_MS = 30_000;
  /** the worker's (consolidation, rendering) */
  @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000) WORKER_STATEMENT_TIMEOUT_MS = 300_000;
  /** a connection idle inside an open transaction this long is ended, with its locks */
  @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000) DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
  /** giving up on a Postgres connection that does not open */
  @Transform(toInt) @IsInt() @Min(100) @Max(120_000) DATABASE_CONNECT_TIMEOUT_MS = 10_000;
  /** where the apps look for a local Postgres before starting an embedded one */
  @Matches(/^postgres(ql)?:\/\//) LOCAL_PG_PROBE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
  /** port of the embedded Postgres (under .data/) */
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) EMBEDDED_PG_PORT = 54329;
  /** redis://…; else 127.0.0.1:6379 when one answers, else a redis-server started under .data/ */
  @Transform(emptyIsUnset) @IsOptional() @Matches(/^rediss?:\/\//) REDIS_URL?: string;
  /** where the apps look for a local Redis before starting one */
  @Matches(/^rediss?:\/\//) LOCAL_REDIS_PROBE_URL = 'redis://127.0.0.1:6379';
  /** port of the redis-server the apps start when none answers */
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) SPAWNED_REDIS_PORT = 63790;
  /** BullMQ key prefix (one per deployment; tests give each file its own) */
  @Matches(/^[A-Za-z0-9_-]{1,60}$/) QUEUE_PREFIX = 'tonghop';
  /** smtp://user:pass@host:587 or smtps://…; without it notifications stay in the in-app inbox */
  @Transform(emptyIsUnset) @IsOptional() @Matches(/^smtps?:\/\/[^\s]+$/) SMTP_URL?: string;
  /** sender of the e-mails */
  @IsString() @MinLength(3) SMTP_FROM = '"Tổng hợp – Văn phòng UBND tỉnh" <no-reply@tonghop.local>';
  /**
   * worker processes `npm run start:worker` runs (each runs every processor; BullMQ hands each job to one):
   * consolidations and renderings of different periods then use as many cores
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(64) WORKER_PROCESSES = 1;
  /** BullMQ job lock of every processor: a crashed worker's job is taken over once its lock lapses */
  @Transform(toInt) @IsInt() @Min(500) WORKER_LOCK_MS = 30_000;
  /** how often BullMQ looks for jobs whose lock lapsed */
  @Transform(toInt) @IsInt() @Min(100) WORKER_STALLED_MS = 30_000;
  /**
   * every job's attempts, with exponential backoff from JOB_BACKOFF_MS (2 s, 4 s, 8 s …): the
   * default 14 attempts wait about 9 hours in all, so an outage of hours delays work but loses none
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(100) JOB_ATTEMPTS = 14;
  @Transform(toInt) @IsInt() @Min(10) JOB_BACKOFF_MS = 2_000;
  /** completed jobs are kept this long in Redis (and at most 10 000 per queue) */
  @Transform(toInt) @IsInt() @Min(0) JOB_COMPLETED_RETENTION_DAYS = 7;
  /** failed jobs are kept this long for inspection, then removed */
  @Transform(toInt) @IsInt() @Min(0) JOB_FAILED_RETENTION_DAYS = 30;
  /** handled outbox rows older than this are deleted by the sweeper */
  @Transform(toInt) @IsInt() @Min(0) OUTBOX_RETENTION_DAYS = 7;
  /** how often the sweeper re-drives from Postgres whatever lacks its effect; 0 = never (tests switch it off to see it matter) */
  @Transform(toInt) @IsInt() @Min(0) SWEEP_EVERY_MS = 60_000;
  /** work without its effect for this long counts as stuck: the sweeper re-drives it and the health endpoint lists it */
  @Transform(toInt) @IsInt() @Min(0) STUCK_AFTER_MS = 300_000;
  /** stuck for this long: the sweeper logs an alert (level error, "CẢNH BÁO") */
  @Transform(toInt) @IsInt() @Min(0) STUCK_ALERT_AFTER_MS = 1_800_000;
  /**
   * on SIGTERM: how long the API finishes the requests in flight, and the worker the jobs it runs,
   * before it exits anyway (a job not finished is handed back: its lock lapses and another worker runs it)
   */
  @Transform(toInt) @IsInt() @Min(0) SHUTDOWN_GRACE_MS = 10_000;
  /** how often the worker relays the outbox to the queues */
  @Transform(toInt) @IsInt() @Min(10) @Max(60_000) OUTBOX_POLL_MS = 250;
  /** how often the worker looks for due reminders; 0 = only when a scan job is added by hand */
  @Transform(toInt) @IsInt() @Min(0) REMINDER_SCAN_EVERY_MS = 60_000;
  /** 'system', or 'redis': the time is read from the Redis key <QUEUE_PREFIX>:clock (the demo moves it) */
  @IsIn(['system', 'redis']) CLOCK: 'system' | 'redis' = 'system';
  /** a fake start time (ISO 8601); the clock runs on from it */
  @Transform(emptyIsUnset) @IsOptional() @IsISO8601({ strict: true }) FAKE_NOW?: string;
  /** secret for signing access tokens (at least 32 bytes); required unless NODE_ENV is development or test */
  @Transform(emptyIsUnset) @IsOptional() @IsString() JWT_SECRET?: string;
  /** life of an access token (at most 60m): a session lives on through the refresh cookie, and is revoked there */
  @Matches(/^[1-9]\d{0,3}[sm]$/, { message: 'JWT_TTL must be a number followed by s or m, at most 60m (e.g. 15m)' }) JWT_TTL = '15m';
  /** life of a session without use: its refresh cookie (rotated on each use) lasts this long */
  @Matches(/^[1-9]\d{0,3}[mhd]$/, { message: 'REFRESH_TOKEN_TTL must be a number followed by m, h or d (e.g. 12h)' }) REFRESH_TOKEN_TTL = '12h';
  /**
   * how long an API process trusts what it read of a user (active, role, session generation) before
   * reading it again; a logout or deactivation is passed to every process at once through Redis,
   * and this bounds the delay when Redis is down
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(60_000) SESSION_CACHE_MS = 10_000;
  /** failed logins from one client address for one username within the window, then 429 (counted in Redis, shared by every API process) */
  @Transform(toInt) @IsInt() @Min(1) LOGIN_THROTTLE_LIMIT = 10;
  /** failed logins from one client address across all usernames within the window (password spraying), then 429 */
  @Transform(toInt) @IsInt() @Min(1) LOGIN_THROTTLE_IP_LIMIT = 50;
  /** failed logins of one account from anywhere within the window that raise an alert in the log (no lock: no one can lock the signer out) */
  @Transform(toInt) @IsInt() @Min(1) LOGIN_ALERT_ACCOUNT_FAILURES = 20;
  /** the window of the login counters */
  @Transform(toInt) @IsInt() @Min(1000) LOGIN_THROTTLE_TTL_MS = 900_000;
  /** group commit of form saves: batches written at once (one Postgres connection each) */
  @Transform(toInt) @IsInt() @Min(1) @Max(64) SAVE_BATCH_IN_FLIGHT = 3;
  /** group commit of form saves: the most saves one batch (one statement) carries */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) SAVE_BATCH_MAX_SIZE = 40;
  /**
   * the reverse proxies whose X-Forwarded-For is believed (client address of login throttling and
   * the audit log): addresses or CIDRs separated by commas (e.g. 10.0.0.5,10.1.0.0/16), or a hop
   * count; empty or 'false' = none. Never 'true': anyone could then choose their own address.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 'false' : String(value).trim()))
  @Matches(/^(false|[1-9]\d?|(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?))*)$/, {
    message: "TRUST_PROXY must be 'false', a hop count, or the proxies' addresses/CIDRs separated by commas (never 'true')",
  })
  TRUST_PROXY = 'false';
  /** address users reach the app at, for links in e-mails (default http://localhost:<PORT>) */
  @Transform(emptyIsUnset) @IsOptional() @Matches(/^https?:\/\/\S+$/) PUBLIC_URL?: string;
  /** OpenAPI docs at /api/docs: on by default except in production */
  @Transform(emptyIsUnset) @IsOptional() @IsIn(['true', 'false']) API_DOCS?: 'true' | 'false';
  /** the web app's source maps (*.map) served: on by default except in production */
  @Transform(emptyIsUnset) @IsOptional() @IsIn(['true', 'false']) WEB_SOURCE_MAPS?: 'true' | 'false';
  /** the built web app the API serves at `/` (default dist/web) */
  @Transform(emptyIsUnset) @IsOptional() @IsString() WEB_ROOT?: string;
  /** LibreOffice's soffice, on PATH or a path: the worker makes PDFs with it; without it the DOCX is issued and the PDF waits */
  @IsString() @MinLength(1) SOFFICE_PATH = 'soffice';
  /** a conversion that takes longer is killed and the rendering job retried (a hanging LibreOffice) */
  @Transform(toInt) @IsInt() @Min(100) SOFFICE_TIMEOUT_MS = 180_000;
  /** pdftotext (poppler-utils): where the rendered PDF has its number, date and signature block */
  @IsString() @MinLength(1) PDFTOTEXT_PATH = 'pdftotext';
  /**
   * the signing keys of the body and of each signer (libs/config/src/signing-keys.ts): a JSON file;
   * without it nothing can be signed or issued (503 SIGNING_KEY_MISSING)
   */
  @Transform(emptyIsUnset) @IsOptional() @IsString() SIGNING_KEYS_FILE?: string;
  /** TrueType fonts of the signatures' text and of the number and date (Times New Roman's metrics, every Vietnamese letter) */
  @IsString() @MinLength(1) SIGNATURE_FONT = '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf';
  @IsString() @MinLength(1) SIGNATURE_FONT_ITALIC = '/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf';
  /** the data files: calendar, forms, report templates, demo data */
  @IsString() @MinLength(1) TONGHOP_CONFIG_DIR = DEFAULT_CONFIG_DIR;
}

/** The validated configuration: what `loadConfig` returns once per process and what is injected. */
export type AppConfig = Readonly<Omit<Env, 'API_DOCS' | 'WEB_SOURCE_MAPS'> & { JWT_SECRET: string; PUBLIC_URL: string; API_DOCS: boolean; WEB_SOURCE_MAPS: boolean }>;

/** What a process cannot do without in production: the API needs all three, the worker no secret, the CLI no Redis. */
export type ProductionRequirement = 'JWT_SECRET' | 'DATABASE_URL' | 'REDIS_URL';
const ALL_REQUIREMENTS: readonly ProductionRequirement[] = ['JWT_SECRET', 'DATABASE_URL', 'REDIS_URL'];
const JWT_SECRET_MIN_BYTES = 32;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds of a validated duration like 15m, 900s, 12h or 7d. */
export function ttlSeconds(ttl: string): number {
  return Number(ttl.slice(0, -1)) * UNIT_SECONDS[ttl.slice(-1)];
}

/**
 * TRUST_PROXY as Fastify's `trustProxy` takes it: a hop count, a list of addresses/CIDRs, or null
 * (trust no one: the peer's address is the client's).
 */
export function trustedProxies(setting: string): string[] | number | null {
  if (setting === 'false') return null;
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting.split(',').map((s) => s.trim()).filter(Boolean);
}

function validProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** A development-only secret, so that `npm run demo` works with no configuration. */
const DEV_JWT_SECRET = 'tong-hop-development-secret-do-not-use-in-production';

/**
 * Reads and validates the configuration. Call it once, in an entry point (main.ts of each app, the
 * CLI), and hand the result down; tests call it with the variables they set.
 */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  requires: readonly ProductionRequirement[] = ALL_REQUIREMENTS,
): AppConfig {
  const env = plainToInstance(Env, { ...source }, { exposeDefaultValues: true, excludeExtraneousValues: false });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (env.JWT_SECRET !== undefined && Buffer.byteLength(env.JWT_SECRET) < JWT_SECRET_MIN_BYTES) {
    lines.push(`  JWT_SECRET: must be at least ${JWT_SECRET_MIN_BYTES} bytes (e.g. openssl rand -base64 48)`);
  }
  if (/^\d+[sm]$/.test(env.JWT_TTL) && ttlSeconds(env.JWT_TTL) > 3600) lines.push('  JWT_TTL: at most 60m (a session lives on through its refresh cookie)');
  const proxies = trustedProxies(env.TRUST_PROXY);
  for (const entry of Array.isArray(proxies) ? proxies : []) {
    if (!validProxyEntry(entry)) lines.push(`  TRUST_PROXY: "${entry}" is not an IP address or CIDR`);
  }
  if (env.NODE_ENV === 'production') {
    const missing = requires.filter((name) => !env[name]);
    if (missing.length > 0) {
      lines.push(
        `  ${missing.join(', ')}: bắt buộc khi chạy thật (required in production; NODE_ENV is ${source.NODE_ENV ? 'production' : 'unset, which means production'}).` +
          ' Đặt các biến này, hoặc NODE_ENV=development để chạy thử trên máy này (or NODE_ENV=development for a trial on this machine).',
      );
    }
  }
  if (lines.length > 0) throw new StartupError(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  // in production a process that signs no token (the worker, the CLI) gets a secret no one knows
  const fallbackSecret = env.NODE_ENV === 'production' ? randomBytes(48).toString('base64') : DEV_JWT_SECRET;
  const onUnlessProduction = (v: 'true' | 'false' | undefined) => (v === undefined ? env.NODE_ENV !== 'production' : v === 'true');
  return Object.freeze({
    ...env,
    JWT_SECRET: env.JWT_SECRET ?? fallbackSecret,
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    API_DOCS: onUnlessProduction(env.API_DOCS),
    WEB_SOURCE_MAPS: onUnlessProduction(env.WEB_SOURCE_MAPS),
  });
}

/**
 * The environment of a process the caller starts (the demo's worker, the worker's cluster
 * processes): this process's own, with `extra` on top.
 */
export function childProcessEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

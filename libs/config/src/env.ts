import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
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
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  /** postgres://…; when absent the apps look for a local or embedded Postgres */
  @Transform(emptyIsUnset) @IsOptional() @Matches(/^postgres(ql)?:\/\//) DATABASE_URL?: string;
  /** the database the apps create and use on a local or embedded Postgres (no DATABASE_URL) */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/) TONGHOP_DATABASE = 'tonghop';
  /** connections of the API's pool (the worker's pool is half of it) */
  @Transform(toInt) @IsInt() @Min(2) @Max(500) DATABASE_POOL_SIZE = 20;
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
  /** secret for signing access tokens; required in production */
  @Transform(emptyIsUnset) @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must be a number followed by s, m, h or d (e.g. 8h)' }) JWT_TTL = '8h';
  @Transform(toInt) @IsInt() @Min(1) LOGIN_THROTTLE_LIMIT = 10;
  @Transform(toInt) @IsInt() @Min(1000) LOGIN_THROTTLE_TTL_MS = 60_000;
  /** group commit of form saves: batches written at once (one Postgres connection each) */
  @Transform(toInt) @IsInt() @Min(1) @Max(64) SAVE_BATCH_IN_FLIGHT = 3;
  /** group commit of form saves: the most saves one batch (one statement) carries */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) SAVE_BATCH_MAX_SIZE = 40;
  /** 'true' behind a reverse proxy: the client address (login throttling) is read from X-Forwarded-For */
  @IsIn(['true', 'false']) TRUST_PROXY: 'true' | 'false' = 'false';
  /** address users reach the app at, for links in e-mails (default http://localhost:<PORT>) */
  @Transform(emptyIsUnset) @IsOptional() @Matches(/^https?:\/\/\S+$/) PUBLIC_URL?: string;
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
export type AppConfig = Readonly<Env & { JWT_SECRET: string; PUBLIC_URL: string }>;

/** A development-only secret, so that `npm run demo` works with no configuration. */
const DEV_JWT_SECRET = 'tong-hop-development-secret-do-not-use-in-production';

/**
 * Reads and validates the configuration. Call it once, in an entry point (main.ts of each app, the
 * CLI), and hand the result down; tests call it with the variables they set.
 */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const env = plainToInstance(Env, { ...source }, { exposeDefaultValues: true, excludeExtraneousValues: false });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (!env.JWT_SECRET && env.NODE_ENV === 'production') lines.push('  JWT_SECRET: required when NODE_ENV=production');
  if (lines.length > 0) throw new StartupError(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  return Object.freeze({ ...env, JWT_SECRET: env.JWT_SECRET ?? DEV_JWT_SECRET, PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` });
}

/**
 * The environment of a process the caller starts (the demo's worker, the worker's cluster
 * processes): this process's own, with `extra` on top.
 */
export function childProcessEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

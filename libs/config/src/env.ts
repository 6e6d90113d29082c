import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
/** an empty variable (KEY= in an env file) means "not set" */
const emptyIsUnset = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the apps read, validated once at start-up. A missing or malformed
 * variable stops the process with a message that names it.
 */
export class Env {
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  /** postgres://…; when absent the apps look for a local or embedded Postgres */
  @IsOptional() @IsString() DATABASE_URL?: string;
  /** redis://…; else 127.0.0.1:6379 when one answers, else a redis-server started under .data/ */
  @Transform(emptyIsUnset) @IsOptional() @Matches(/^rediss?:\/\//) REDIS_URL?: string;
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
  /** how often the worker relays the outbox to the queues */
  @Transform(toInt) @IsInt() @Min(10) @Max(60_000) OUTBOX_POLL_MS = 250;
  /** how often the worker looks for due reminders; 0 = only when a scan job is added by hand */
  @Transform(toInt) @IsInt() @Min(0) REMINDER_SCAN_EVERY_MS = 60_000;
  /** 'system', or 'redis': the time is read from the Redis key <QUEUE_PREFIX>:clock (the demo moves it) */
  @IsIn(['system', 'redis']) CLOCK: 'system' | 'redis' = 'system';
  /** a fake start time (ISO 8601); the clock runs on from it */
  @Transform(emptyIsUnset) @IsOptional() @IsISO8601({ strict: true }) FAKE_NOW?: string;
  /** secret for signing access tokens; required in production */
  @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @IsString() JWT_TTL = '8h';
  @Transform(toInt) @IsInt() @Min(1) LOGIN_THROTTLE_LIMIT = 10;
  @Transform(toInt) @IsInt() @Min(1000) LOGIN_THROTTLE_TTL_MS = 60_000;
  /** group commit of form saves: batches written at once (one Postgres connection each) */
  @Transform(toInt) @IsInt() @Min(1) @Max(64) SAVE_BATCH_IN_FLIGHT = 3;
  /** group commit of form saves: the most saves one batch (one statement) carries */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) SAVE_BATCH_MAX_SIZE = 40;
  /** 'true' behind a reverse proxy: the client address (login throttling) is read from X-Forwarded-For */
  @IsIn(['true', 'false']) TRUST_PROXY: 'true' | 'false' = 'false';
  /** LibreOffice's soffice, on PATH or a path: the worker makes PDFs with it; without it the DOCX is issued and the PDF waits */
  @IsString() @MinLength(1) SOFFICE_PATH = 'soffice';
  /** address users reach the app at, for links in e-mails */
  @IsString() PUBLIC_URL = 'http://localhost:3000';
}

/** A development-only secret, so that `npm run demo` works with no configuration. */
const DEV_JWT_SECRET = 'tong-hop-development-secret-do-not-use-in-production';

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env & { JWT_SECRET: string } {
  const env = plainToInstance(Env, { ...source }, { exposeDefaultValues: true, excludeExtraneousValues: false });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  if (!env.JWT_SECRET && env.NODE_ENV === 'production') {
    throw new Error('Cấu hình không hợp lệ: JWT_SECRET is required when NODE_ENV=production');
  }
  return { ...env, JWT_SECRET: env.JWT_SECRET ?? DEV_JWT_SECRET };
}

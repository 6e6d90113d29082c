import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every environment variable the apps read, validated once at start-up. A missing or malformed
 * variable stops the process with a message that names it.
 */
export class Env {
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  /** postgres://…; when absent the apps look for a local or embedded Postgres */
  @IsOptional() @IsString() DATABASE_URL?: string;
  /** redis://…; used by the queue workers */
  @IsOptional() @IsString() REDIS_URL?: string;
  /** secret for signing access tokens; required in production */
  @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @IsString() JWT_TTL = '8h';
  @Transform(toInt) @IsInt() @Min(1) LOGIN_THROTTLE_LIMIT = 10;
  @Transform(toInt) @IsInt() @Min(1000) LOGIN_THROTTLE_TTL_MS = 60_000;
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

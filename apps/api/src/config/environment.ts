import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const toNumber = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : /^-?\d+(\.\d+)?$/.test(String(value).trim())
      ? Number(value)
      : value;

/** The environment the server reads, as ../shared/API.md "Configuration" lists it. */
export class Environment {
  @Transform(toNumber)
  @IsOptional()
  @IsInt({ message: 'PORT must be a whole number from 1 to 65535' })
  @Min(1, { message: 'PORT must be a whole number from 1 to 65535' })
  @Max(65535, { message: 'PORT must be a whole number from 1 to 65535' })
  PORT?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s?#]+$/, {
    message: 'PUBLIC_URL must be an origin such as https://forum.example.no (scheme and host, no path)',
  })
  PUBLIC_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['production', 'development', 'test'], { message: 'NODE_ENV must be production, development or test' })
  NODE_ENV?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/, { message: 'REDIS_KEY_PREFIX must be 1–40 letters, digits, _, . or -' })
  REDIS_KEY_PREFIX?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\p{L}\p{N}_-]{3,32}$/u, { message: 'ADMIN_USERNAME must be 3–32 letters, digits, _ or -' })
  ADMIN_USERNAME?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  SESSION_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(32, { message: 'ANON_SECRET must be at least 32 characters' })
  ANON_SECRET?: string;

  @Transform(toNumber)
  @IsOptional()
  @IsNumber({}, { message: 'RATE_LIMIT_SCALE must be a number, 0 or more' })
  @Min(0, { message: 'RATE_LIMIT_SCALE must be a number, 0 or more' })
  RATE_LIMIT_SCALE?: number;

  @Transform(toNumber)
  @IsOptional()
  @IsNumber({}, { message: 'CAFE_RETENTION_HOURS must be a number of hours above 0' })
  @Min(0.001, { message: 'CAFE_RETENTION_HOURS must be a number of hours above 0' })
  CAFE_RETENTION_HOURS?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL?: string;

  @Transform(toNumber)
  @IsOptional()
  @IsInt({ message: 'DB_POOL_SIZE must be a whole number from 1 to 100' })
  @Min(1, { message: 'DB_POOL_SIZE must be a whole number from 1 to 100' })
  @Max(100, { message: 'DB_POOL_SIZE must be a whole number from 1 to 100' })
  DB_POOL_SIZE?: number;

  /** `off` answers every read afresh from the database (measuring what the caches save; decisions 0009, 0042, 0044). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['on', 'off'], { message: 'PAGE_CACHE must be on or off' })
  PAGE_CACHE?: string;

  /** The activity directory's embed (issue 17): origins allowed to frame /embed/directory. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\s*https?:\/\/[^/\s?#,]+\/?\s*(,\s*https?:\/\/[^/\s?#,]+\/?\s*)*$/, {
    message:
      'DIRECTORY_EMBED_ORIGINS must be origins separated by commas, such as https://www.askoy.kommune.no,https://oygarden.kommune.no (scheme and host, no path)',
  })
  DIRECTORY_EMBED_ORIGINS?: string;
}

export class ConfigError extends Error {}

/** Validates the raw environment; the first problem becomes one line that names the variable. */
export function parseEnvironment(raw: NodeJS.ProcessEnv): Environment {
  const env = plainToInstance(Environment, { ...raw }, { excludeExtraneousValues: false });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigError(`Invalid configuration: ${message}`);
  }
  if (env.NODE_ENV === 'production') {
    if (!env.SESSION_SECRET)
      throw new ConfigError('Invalid configuration: SESSION_SECRET is required when NODE_ENV=production');
    if (!env.ANON_SECRET)
      throw new ConfigError('Invalid configuration: ANON_SECRET is required when NODE_ENV=production');
    if (env.RATE_LIMIT_SCALE === 0)
      throw new ConfigError(
        'Invalid configuration: RATE_LIMIT_SCALE=0 (no rate limits) is refused when NODE_ENV=production',
      );
  }
  if (Boolean(env.ADMIN_USERNAME) !== Boolean(env.ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration: ADMIN_USERNAME and ADMIN_PASSWORD must be set together');
  }
  return env;
}

import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /**
   * Connections the kernel may hold waiting for the server to accept them (capped by the kernel's
   * somaxconn). Node's 511 overflows when a whole site reconnects at once (a restart, a network
   * blip): the overflow is dropped and retried by TCP seconds later, or reset.
   */
  LISTEN_BACKLOG: z.coerce.number().int().min(1).max(65535).default(4096),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_PREFIX: z.string().min(1).max(64).default('ck:'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LIMITS_PER_IP: z.enum(['on', 'off']).default('on'),
  /** Idle time after which a room and every name in it are forgotten. */
  ROOM_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  // Limits (see docs/security.md): each default serves a real group comfortably.
  COMMANDS_PER_SECOND: z.coerce.number().positive().default(10),
  COMMAND_BURST: z.coerce.number().int().min(1).default(20),
  FAILED_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  ROOMS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  MAX_MEMBERS_PER_ROOM: z.coerce.number().int().min(1).default(200),
  HTTP_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(65_536),
  SOCKET_MESSAGE_LIMIT_BYTES: z.coerce.number().int().min(1024).default(16_384),
  SNAPSHOT_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  listenBacklog: number;
  redisUrl: string | undefined;
  redisPrefix: string;
  publicUrl: string | undefined;
  dataDir: string | undefined;
  allowedOrigins: string[] | undefined;
  trustProxy: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  limitsPerIp: boolean;
  roomTtlMs: number;
  /** Per socket: sustained commands a second, and how many may come at once. */
  commandsPerSecond: number;
  commandBurst: number;
  /** Per IP (lifted by LIMITS_PER_IP=off): failed handshakes and failed room or key lookups a minute. */
  failedAttemptsPerMinute: number;
  /** Per IP (lifted by LIMITS_PER_IP=off): room creations a minute, and requests to /api/* a minute. */
  roomsPerMinute: number;
  apiRequestsPerMinute: number;
  maxMembersPerRoom: number;
  httpBodyLimitBytes: number;
  socketMessageLimitBytes: number;
  /** Quiet time after a change before a room's snapshot is written (with DATA_DIR). */
  snapshotDebounceMs: number;
  /** States are deep-frozen (a mutation throws) everywhere but in production (`NODE_ENV=production`). */
  freezeStates: boolean;
}

/** Parses the environment; throws one line per bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Bad configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    listenBacklog: e.LISTEN_BACKLOG,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    dataDir: e.DATA_DIR,
    allowedOrigins: e.ALLOWED_ORIGINS?.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    limitsPerIp: e.LIMITS_PER_IP === 'on',
    roomTtlMs: Math.round(e.ROOM_TTL_HOURS * 3_600_000),
    commandsPerSecond: e.COMMANDS_PER_SECOND,
    commandBurst: e.COMMAND_BURST,
    failedAttemptsPerMinute: e.FAILED_ATTEMPTS_PER_MINUTE,
    roomsPerMinute: e.ROOMS_PER_MINUTE,
    apiRequestsPerMinute: e.API_REQUESTS_PER_MINUTE,
    maxMembersPerRoom: e.MAX_MEMBERS_PER_ROOM,
    httpBodyLimitBytes: e.HTTP_BODY_LIMIT_BYTES,
    socketMessageLimitBytes: e.SOCKET_MESSAGE_LIMIT_BYTES,
    snapshotDebounceMs: e.SNAPSHOT_DEBOUNCE_MS,
    freezeStates: e.NODE_ENV !== 'production',
  };
}

/** The configuration tests and embedded uses start from: defaults, no Redis. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...parseConfig({}), ...overrides };
}

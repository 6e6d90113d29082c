import { AppConfig, InjectConfig } from '@app/config';
import { DomainError } from '@app/domain';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { QUEUE_CONNECTION, QueueConnection } from '../queues/queues.module';

/** INCR that starts the window on the first failure (one round trip, atomic). */
const COUNT = `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n`;

/**
 * Login defences, counted in Redis so every API process sees the same counts. Failures only:
 * - per client address and username (an officer's typos lock out no one else);
 * - per client address across usernames (one address trying many accounts: password spraying);
 * - per account from anywhere: an alert in the log, never a lock, so no one can lock the signer out
 *   by failing on purpose from elsewhere.
 * Each failure beyond the third answers later and later (up to 4 s). When Redis does not answer,
 * logins go on unthrottled and the log says so: a province must be able to sign in.
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private readonly logger = new Logger('Login');
  private readonly redis: Redis;
  private readonly prefix: string;
  private warned = false;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @Inject(QUEUE_CONNECTION) connection: QueueConnection,
  ) {
    this.prefix = `${connection.queuePrefix}:login`;
    this.redis = new Redis(connection.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2000, commandTimeout: 1000 });
    this.redis.on('error', (e: Error) => this.warn(e));
  }

  private keys(ip: string, username: string) {
    const name = username.trim().toLowerCase();
    return { pair: `${this.prefix}:pair:${ip}|${name}`, ip: `${this.prefix}:ip:${ip}`, account: `${this.prefix}:account:${name}` };
  }

  /** Refuses (429 with Retry-After seconds) when this address has failed too often. */
  async check(ip: string, username: string): Promise<void> {
    const k = this.keys(ip, username);
    let counts: Array<[Error | null, unknown]> | null;
    try {
      counts = await this.redis.multi().get(k.pair).pttl(k.pair).get(k.ip).pttl(k.ip).exec();
    } catch (e) {
      return this.warn(e as Error);
    }
    const [pair, pairTtl, perIp, ipTtl] = (counts ?? []).map(([, v]) => Number(v ?? 0));
    const blocked = [pair >= this.config.LOGIN_THROTTLE_LIMIT ? pairTtl : 0, perIp >= this.config.LOGIN_THROTTLE_IP_LIMIT ? ipTtl : 0].filter((ms) => ms > 0);
    if (blocked.length > 0) {
      const retryAfter = Math.ceil(Math.max(...blocked) / 1000);
      throw new DomainError('TOO_MANY_ATTEMPTS', `Bạn đã thử đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(retryAfter / 60)} phút.`, undefined, { retryAfter });
    }
  }

  /** Counts a failure; resolves after the growing delay. */
  async failed(ip: string, username: string): Promise<void> {
    const k = this.keys(ip, username);
    const ttl = String(this.config.LOGIN_THROTTLE_TTL_MS);
    let pair = 0;
    try {
      const [p, , account] = await Promise.all([this.redis.eval(COUNT, 1, k.pair, ttl), this.redis.eval(COUNT, 1, k.ip, ttl), this.redis.eval(COUNT, 1, k.account, ttl)]);
      pair = Number(p);
      if (Number(account) === this.config.LOGIN_ALERT_ACCOUNT_FAILURES) {
        this.logger.warn(`CẢNH BÁO: tài khoản "${username.trim().toLowerCase()}" đăng nhập sai ${account} lần trong ${Math.round(this.config.LOGIN_THROTTLE_TTL_MS / 60_000)} phút (possible password guessing; latest from ${ip})`);
      }
    } catch (e) {
      return this.warn(e as Error);
    }
    if (pair > 3) await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** (pair - 4), 4000)));
  }

  /** A success clears this address's count for the account (not the per-address count: spraying stays counted). */
  async succeeded(ip: string, username: string): Promise<void> {
    await this.redis.del(this.keys(ip, username).pair).catch((e: Error) => this.warn(e));
  }

  private warn(error: Error): void {
    if (!this.warned) this.logger.warn(`Redis không trả lời: đăng nhập tạm không bị giới hạn số lần thử (login throttling off while Redis is down): ${error.message}`);
    this.warned = true;
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

import { AppConfig, InjectConfig } from '@app/config';
import { stopReconnecting } from '@app/queue';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';

/**
 * On SIGTERM the API stops accepting first, then lets go of what it holds: Nest closes the HTTP
 * server last of all (after the database), so a request arriving or running while the process stops
 * would meet a closed pool. Here, in the first phase of the stop, Fastify stops accepting (a request
 * on a kept-alive connection is answered 503) and the requests in flight — their saves waiting in the
 * batcher included — finish, SHUTDOWN_GRACE_MS at most; only then are the database and Redis closed.
 * A save is acknowledged only once committed, so none acknowledged is lost, and none is applied twice.
 */
@Injectable()
export class GracefulShutdown implements OnModuleDestroy {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onModuleDestroy(): Promise<void> {
    const adapter = this.adapterHost.httpAdapter;
    const started = Date.now();
    if (adapter) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.config.SHUTDOWN_GRACE_MS)));
      // a kept-alive connection whose request finishes becomes idle: closed at once rather than after keepAliveTimeout
      const server = adapter.getHttpServer() as Server;
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const outcome = await Promise.race([adapter.close().then(() => 'closed' as const), grace]);
      clearInterval(sweep);
      clearTimeout(timer);
      if (outcome === 'timeout') this.logger.warn(`Còn yêu cầu chưa xong sau ${this.config.SHUTDOWN_GRACE_MS} ms; dừng.`);
    }
    // Redis may be away: its connections stop retrying so that they close
    stopReconnecting();
    this.logger.log(`API ngừng nhận yêu cầu; các yêu cầu đang xử lý đã xong (${Date.now() - started} ms).`);
  }
}

import type { HealthView } from '@app/contracts';
import { pingDatabase } from '@app/database';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';
import { QueueHandles } from '../queues/queues.module';
import { StuckWorkService } from './stuck-work.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  /** when this process first saw the database down (cleared once it answers) */
  private databaseDownSince: Date | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueHandles,
    private readonly stuck: StuckWorkService,
  ) {}

  @Public()
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView & { code?: string; message?: string }> {
    const redis = await this.queues.redisStatus();
    const redisSince = this.queues.redisDownSince;
    let stuck: HealthView['stuck'];
    try {
      await pingDatabase(this.db);
      stuck = await this.stuck.summary();
      this.databaseDownSince = null;
    } catch {
      this.databaseDownSince ??= new Date();
      const downSince = { database: this.databaseDownSince.toISOString(), ...(redisSince ? { redis: redisSince.toISOString() } : {}) };
      // 503, with the detail (an exception's body would carry only its code and message)
      reply.status(503);
      return { code: 'UNHEALTHY', message: 'Không kết nối được cơ sở dữ liệu.', status: 'degraded', database: 'down', redis, downSince };
    }
    // without Redis the API still accepts every change (the outbox keeps what the workers must do)
    return { status: redis === 'up' ? 'ok' : 'degraded', database: 'up', redis, ...(redisSince ? { downSince: { redis: redisSince.toISOString() } } : {}), stuck };
  }
}

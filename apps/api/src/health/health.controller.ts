import { pingDatabase } from '@app/database';
import { Controller, Get, HttpException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';
import { QueueHandles } from '../queues/queues.module';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueHandles,
  ) {}

  @Public()
  @Get()
  async check() {
    const redis = await this.queues.redisStatus();
    try {
      await pingDatabase(this.db);
    } catch {
      throw new HttpException({ code: 'UNHEALTHY', message: 'Không kết nối được cơ sở dữ liệu.', database: 'down', redis }, 503);
    }
    // without Redis the API still accepts every change (the outbox keeps what the workers must do)
    return { status: redis === 'up' ? 'ok' : 'degraded', database: 'up', redis };
  }
}

import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { StuckWorkController } from './stuck-work.controller';
import { StuckWorkService } from './stuck-work.service';

@Module({ controllers: [HealthController, StuckWorkController], providers: [StuckWorkService] })
export class HealthModule {}

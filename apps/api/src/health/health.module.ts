import { Module } from '@nestjs/common';
import { DatabaseRoleCheck } from './database-role.check';
import { HealthController } from './health.controller';
import { StuckWorkController } from './stuck-work.controller';
import { StuckWorkService } from './stuck-work.service';

@Module({ controllers: [HealthController, StuckWorkController], providers: [DatabaseRoleCheck, StuckWorkService] })
export class HealthModule {}

import { Module } from '@nestjs/common';
import { DatabaseRoleCheck } from './database-role.check';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController], providers: [DatabaseRoleCheck] })
export class HealthModule {}

import { Module } from '@nestjs/common';
import { ExtensionsController } from './extensions.controller';
import { ExtensionsService } from './extensions.service';
import { PeriodsController } from './periods.controller';
import { PeriodsService } from './periods.service';

@Module({ controllers: [PeriodsController, ExtensionsController], providers: [PeriodsService, ExtensionsService], exports: [PeriodsService] })
export class PeriodsModule {}

import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { PeriodFiguresService } from './period-figures.service';
import { UnitHistoryService } from './unit-history.service';

@Module({ controllers: [ExportsController], providers: [PeriodFiguresService, UnitHistoryService], exports: [PeriodFiguresService] })
export class ExportsModule {}

import { ReportingUnit } from '@app/database';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitsController } from './units.controller';

@Module({ imports: [TypeOrmModule.forFeature([ReportingUnit])], controllers: [UnitsController] })
export class UnitsModule {}

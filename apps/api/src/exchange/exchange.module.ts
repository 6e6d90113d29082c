import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { ExchangeController } from './exchange.controller';

@Module({ imports: [ExportsModule], controllers: [ExchangeController] })
export class ExchangeModule {}

import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { SweepResult, SweeperService } from './sweeper.service';

/** The repeating sweep (one at a time; its next run is its retry). Its queue and options: `processors.ts`. */
@Injectable()
export class SweepProcessor extends WorkerHost {
  private readonly logger = new Logger(SweepProcessor.name);

  constructor(private readonly sweeper: SweeperService) {
    super();
  }

  process(): Promise<SweepResult> {
    return this.sweeper.sweep();
  }

  @OnWorkerEvent('failed')
  onFailed(_job: unknown, error: Error): void {
    this.logger.warn(`Lượt quét việc bị kẹt thất bại, sẽ quét lại ở lượt sau: ${error.message}`);
  }
}

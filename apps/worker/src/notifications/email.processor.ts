import { findDeliveryMail, findReportFileById, markDeliverySent, recordDeliveryFailure } from '@app/database';
import { EmailJob } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Mailer } from './mailer.service';

/**
 * One e-mail per job. The job reloads its delivery and exits when it was already sent; an SMTP
 * failure is recorded and thrown, so BullMQ retries it with the one backoff policy. The inbox
 * entry was committed before this job existed: a mail server that is down delays nothing else.
 * (Delivery is at least once: a crash between the server's "250 OK" and our update resends.)
 */
/** Its queue and worker options: `processors.ts`. */
@Injectable()
export class EmailProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: Mailer,
  ) {
    super();
  }

  async process(job: Job<EmailJob>): Promise<'sent' | 'skipped'> {
    const row = await findDeliveryMail(this.db, job.data.deliveryId);
    if (!row || row.status !== 'pending') return 'skipped';
    try {
      const file = row.attachment_file_id ? await findReportFileById(this.db, row.attachment_file_id) : null;
      const attachments = file ? [{ filename: `van-ban.${file.format}`, content: file.data, contentType: file.format === 'pdf' ? 'application/pdf' : 'application/octet-stream' }] : undefined;
      const messageId = await this.mailer.send({ to: row.to_address, subject: row.title, text: row.body, attachments });
      await markDeliverySent(this.db, job.data.deliveryId, messageId);
      return 'sent';
    } catch (error) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await recordDeliveryFailure(this.db, job.data.deliveryId, String((error as Error).message ?? error).slice(0, 1000), final);
      throw error;
    }
  }
}

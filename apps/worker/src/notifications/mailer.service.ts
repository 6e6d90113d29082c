import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { WORKER_SETTINGS, WorkerSettings } from '../worker-settings';

/** SMTP through nodemailer (SMTP_URL). One transport per worker process. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter | null;

  constructor(@Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings) {
    this.transport = settings.smtpUrl
      ? nodemailer.createTransport({ url: settings.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends one message; resolves with the server's message id, rejects when the server refuses. */
  async send(message: { to: string; subject: string; text: string; attachments?: Array<{ filename: string; content: Buffer; contentType: string }> }): Promise<string> {
    if (!this.transport) throw new Error('SMTP_URL chưa được cấu hình');
    const info = await this.transport.sendMail({ from: this.settings.smtpFrom, ...message });
    if (info.rejected?.length) throw new Error(`Máy chủ thư từ chối người nhận: ${info.rejected.join(', ')}`);
    return String(info.messageId ?? '');
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

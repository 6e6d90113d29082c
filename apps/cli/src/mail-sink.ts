import { AddressInfo } from 'node:net';
import type { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/**
 * A real SMTP server on loopback that keeps what it receives, parsed (mailparser): the demo's
 * mailbox, and the tests' mail server. It can refuse the next N messages with a temporary failure
 * (451), as a mail server that is having trouble. smtp-server and mailparser are development
 * dependencies, loaded only when a sink starts.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  refuseNext = 0;
  private server: SMTPServer | null = null;
  port = 0;

  /** port 0: any free one (a test that brings a mail server back gives the port it was on) */
  async start(onMail?: (mail: ReceivedMail) => void, port = 0): Promise<string> {
    const { SMTPServer } = await import('smtp-server');
    const { simpleParser } = await import('mailparser');
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const refuse = this.refuseNext > 0;
        if (refuse) this.refuseNext--;
        simpleParser(stream)
          .then((parsed) => {
            if (refuse) {
              const error = new Error('Hộp thư tạm thời không nhận được thư, thử lại sau') as Error & { responseCode: number };
              error.responseCode = 451;
              return callback(error);
            }
            const mail: ReceivedMail = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
            };
            this.received.push(mail);
            onMail?.(mail);
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

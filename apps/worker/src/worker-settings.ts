/** What the worker's services read from the configuration, resolved once in WorkerModule.forRoot. */
export interface WorkerSettings {
  /** links in messages: `${publicUrl}/api/…` (no trailing slash: forRoot strips it) */
  publicUrl: string;
  /** null: notifications stay in the in-app inbox, no e-mail copies are made */
  smtpUrl: string | null;
  smtpFrom: string;
  /** 0: no repeating scan (tests and benchmarks add scan jobs themselves) */
  scanEveryMs: number;
}

export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');

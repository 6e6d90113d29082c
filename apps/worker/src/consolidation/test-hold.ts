/**
 * A hook for the crash test, and nothing else: with NODE_ENV=test and CONSOLIDATION_TEST_HOLD=1 in the
 * worker's environment, a consolidation stops once it has written its revision, inside its still open
 * transaction, says so on stdout and waits there. test/e2e/report-flow.e2e-spec.ts kills the worker
 * (SIGKILL) when it reads the line, so the kill lands mid-job every time, without timing guesses.
 * Never set outside that test; if nobody kills the worker, the job fails after a minute and is retried.
 */
export const HELD_MARKER = 'consolidation held before commit:';

export async function holdBeforeCommitForTests(trigger: string): Promise<void> {
  if (process.env.NODE_ENV !== 'test' || process.env.CONSOLIDATION_TEST_HOLD !== '1') return;
  process.stdout.write(`${HELD_MARKER} ${trigger}\n`);
  await new Promise((_, reject) => setTimeout(() => reject(new Error('consolidation test hold: the worker was not killed within a minute')), 60_000));
}

/**
 * A start-up failure the person starting the app can fix (a database it may not create, a server
 * that does not answer): its message is the whole story, in Vietnamese and English, so the entry
 * points print it alone, without a stack trace.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

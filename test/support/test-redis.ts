/**
 * The Redis of this test run, found by the global setup the way the apps find theirs
 * (libs/queue/src/redis-resolver.ts: REDIS_URL, else 127.0.0.1:6379, else a redis-server it starts
 * under .data/redis and stops in the global teardown). Each test file uses its own key prefix in it.
 */
export const TEST_REDIS_URL: string = (() => {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: run through jest (global setup)');
  return url;
})();

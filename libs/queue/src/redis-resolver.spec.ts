import { redisOptions, redisRetryStrategy } from './redis-resolver';

describe('the queues’ Redis connection options', () => {
  it('keep TLS for rediss:// (and check the server’s name), with the credentials and database', () => {
    expect(redisOptions('rediss://app:s%40cret@cache.langson.gov.vn:6380/2')).toEqual({
      tls: { servername: 'cache.langson.gov.vn' },
      host: 'cache.langson.gov.vn',
      port: 6380,
      username: 'app',
      password: 's@cret',
      db: 2,
      retryStrategy: redisRetryStrategy,
    });
  });

  it('use no TLS for redis://', () => {
    expect(redisOptions('redis://127.0.0.1:6379')).toEqual({ host: '127.0.0.1', port: 6379, retryStrategy: redisRetryStrategy });
  });
});

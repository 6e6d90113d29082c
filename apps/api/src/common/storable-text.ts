import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * What no text column or jsonb of PostgreSQL can hold: U+0000, and a lone UTF-16 surrogate (jsonb refuses
 * its "\ud800" escape; a text parameter would store it as U+FFFD, silently changed). In unicode mode the
 * class matches a surrogate only when it is not half of a pair.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDFFF]/u;

/** the first string in a parsed body, query or parameters that the database could not store as sent */
export function unstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (depth > 64 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((v) => unstorableText(v, depth + 1));
  for (const key of Object.keys(value)) {
    if (UNSTORABLE.test(key) || unstorableText((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/**
 * Refuses, before any guard or handler runs, a request whose body, query string or path carries text
 * the database cannot store: a 400 VALIDATION_FAILED rather than a 500 from PostgreSQL half way through
 * (the API fuzzer found U+0000 in a login name and a lone surrogate in an e-mail address).
 */
export function refuseUnstorableText(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    if (unstorableText(request.params) || unstorableText(request.query) || unstorableText(request.body)) {
      return reply.code(400).send({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Dữ liệu gửi lên có ký tự không lưu được (ký tự rỗng U+0000 hoặc nửa cặp UTF-16).',
      });
    }
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';

/** NUL (Postgres refuses it in text) and half a surrogate pair (not Unicode; XML and Postgres refuse it). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;

/** The path of the first string in `value` that cannot be stored, or null. */
export function unstorableTextAt(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(body)' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || Buffer.isBuffer(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return here;
    const found = unstorableTextAt(v, here, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Every request's query and JSON body are checked once, before any route: a NUL or half a surrogate
 * pair typed or pasted into a note is a 400 with a code, not a 500 from Postgres or an unreadable DOCX.
 */
export async function rejectUnstorableText(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const field = unstorableTextAt(req.params, 'params') ?? unstorableTextAt(req.query, 'query') ?? unstorableTextAt(req.body);
  if (!field) return;
  const message = `Nội dung có ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode không trọn vẹn) ở "${field}". Vui lòng xóa ký tự đó rồi gửi lại.`;
  await reply.code(400).send({ statusCode: 400, code: 'INVALID_TEXT', message, details: [{ field, code: 'INVALID_TEXT', message }] });
}

import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenPayload } from '../auth/auth.service';
import { QueueHandles } from './queues.module';

export const QUEUE_BOARD_PATH = '/api/admin/queues';
const COOKIE = 'tonghop_queues';

function cookie(req: FastifyRequest, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function refuse(reply: FastifyReply, status: 401 | 403): FastifyReply {
  return reply.code(status).send(
    status === 401
      ? { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập với vai trò quản trị để xem bảng điều khiển hàng đợi.' }
      : { statusCode: 403, code: 'FORBIDDEN', message: 'Chỉ quản trị viên được xem bảng điều khiển hàng đợi.' },
  );
}

/**
 * A browser cannot send a bearer header when it opens an HTML page, so the dashboard also takes
 * the token once as `?token=` (the tiny login step): it is checked, moved into an HttpOnly cookie
 * scoped to the dashboard's path, and the browser is redirected to the same URL without it.
 * API clients may send the usual bearer header. Only the admin role gets in.
 */
export function queueBoardAuth(jwt: JwtService) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const query = req.query as Record<string, unknown> | undefined;
    const fromQuery = typeof query?.token === 'string' ? query.token : null;
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const token = fromQuery ?? bearer ?? cookie(req, COOKIE);
    if (!token) return void refuse(reply, 401);
    let payload: TokenPayload & { exp?: number };
    try {
      payload = jwt.verify<TokenPayload & { exp?: number }>(token);
    } catch {
      return void refuse(reply, 401);
    }
    if (payload.role !== 'admin') return void refuse(reply, 403);
    if (fromQuery) {
      const maxAge = payload.exp ? Math.max(0, payload.exp - Math.floor(Date.now() / 1000)) : 3600;
      reply.header('Set-Cookie', `${COOKIE}=${encodeURIComponent(token)}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`);
      const url = new URL(req.url, 'http://local');
      url.searchParams.delete('token');
      return void reply.redirect(`${url.pathname}${url.search}`, 303);
    }
  };
}

/** bull-board at /api/admin/queues, behind the admin check, in its own Fastify plugin scope. */
export async function mountQueueBoard(app: INestApplication, jwtSecret: string): Promise<void> {
  const handles = app.get(QueueHandles);
  const adapter = new FastifyAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  // @bull-board/fastify 9.10.1 declares its own copy of @bull-board/api's types: same shapes
  const serverAdapter = adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'];
  createBullBoard({ queues: handles.queues.map((q) => new BullMQAdapter(q)), serverAdapter });
  const jwt = new JwtService({ secret: jwtSecret });
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', queueBoardAuth(jwt));
    await scope.register(adapter.registerPlugin() as never, { prefix: QUEUE_BOARD_PATH });
  });
}

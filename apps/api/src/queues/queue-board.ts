import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { findRefreshToken, SessionUser } from '@app/database';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import type { TokenPayload } from '../auth/auth.service';
import { refreshTokensIn } from '../auth/cookies';
import { SessionState } from '../auth/session-state.service';
import { QueueHandles } from './queues.module';

export const QUEUE_BOARD_PATH = '/api/admin/queues';
/** the office sees the queues; only the administrator retries, removes or pauses jobs */
const READERS: ReadonlyArray<SessionUser['role']> = ['admin', 'reviewer', 'signer', 'clerk'];
const READ_METHODS = new Set(['GET', 'HEAD']);
const rank = (u: SessionUser) => (u.role === 'admin' ? 2 : READERS.includes(u.role) ? 1 : 0);

function refuse(reply: FastifyReply, status: 401 | 403): FastifyReply {
  return reply.code(status).send(
    status === 401
      ? { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập (trên giao diện web) để xem bảng điều khiển hàng đợi.' }
      : { statusCode: 403, code: 'FORBIDDEN', message: 'Vai trò của bạn không được xem hoặc thay đổi hàng đợi.' },
  );
}

/** Who opens the board: from the session's refresh cookie (a browser tab), or a bearer header (an API client). */
export type BoardViewer = (req: FastifyRequest) => Promise<SessionUser | null>;

/**
 * A browser opening the board sends the session's refresh cookie (HttpOnly, SameSite=Strict, path
 * /api), which is looked up, not rotated; an API client may send its bearer header. Never a token
 * in the URL. Office roles read, only the administrator changes anything.
 */
export function queueBoardAuth(viewer: BoardViewer) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const user = await viewer(req);
    if (!user) return void refuse(reply, 401);
    if (!READERS.includes(user.role)) return void refuse(reply, 403);
    if (user.role !== 'admin' && !READ_METHODS.has(req.method)) return void refuse(reply, 403);
  };
}

export function sessionViewer(db: DataSource, sessions: SessionState, jwt: JwtService): BoardViewer {
  const live = async (userId: string, generation: number) => {
    const user = await sessions.current(userId);
    return user && user.active && user.sessionGeneration === generation ? user : null;
  };
  return async (req) => {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      try {
        const payload = jwt.verify<TokenPayload>(bearer, { algorithms: ['HS256'] });
        return await live(payload.sub, payload.gen);
      } catch {
        return null;
      }
    }
    // the browser may hold the sessions of several people: the one who may do most decides
    let best: SessionUser | null = null;
    for (const cookie of refreshTokensIn(req.headers.cookie)) {
      const row = await findRefreshToken(db, createHash('sha256').update(cookie).digest('hex'));
      if (!row || row.usedAt || row.revokedAt || row.expiresAt.getTime() <= Date.now()) continue;
      const user = await live(row.userId, row.generation);
      if (user && (!best || rank(user) > rank(best))) best = user;
    }
    return best;
  };
}

/** bull-board at /api/admin/queues, behind the session check, in its own Fastify plugin scope. */
export async function mountQueueBoard(app: INestApplication, jwtSecret: string): Promise<void> {
  const handles = app.get(QueueHandles);
  const adapter = new FastifyAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  // @bull-board/fastify 9.10.1 declares its own copy of @bull-board/api's types: same shapes
  const serverAdapter = adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'];
  createBullBoard({ queues: handles.queues.map((q) => new BullMQAdapter(q)), serverAdapter });
  const viewer = sessionViewer(app.get<DataSource>(getDataSourceToken()), app.get(SessionState), new JwtService({ secret: jwtSecret }));
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', queueBoardAuth(viewer));
    await scope.register(adapter.registerPlugin() as never, { prefix: QUEUE_BOARD_PATH });
  });
}

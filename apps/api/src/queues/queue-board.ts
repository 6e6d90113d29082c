import { loadEnv } from '@app/config';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import type { TokenPayload } from '../auth/auth.service';
import { QueueHandles } from './queues.module';

export const QUEUE_BOARD_PATH = '/api/admin/queues';
const COOKIE = 'tonghop_queues';

function cookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function refuse(res: Response, status: 401 | 403): void {
  res.status(status).json(
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
  return (req: Request, res: Response, next: NextFunction): void => {
    const fromQuery = typeof req.query?.token === 'string' ? req.query.token : null;
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const token = fromQuery ?? bearer ?? cookie(req, COOKIE);
    if (!token) return refuse(res, 401);
    let payload: TokenPayload & { exp?: number };
    try {
      payload = jwt.verify<TokenPayload & { exp?: number }>(token);
    } catch {
      return refuse(res, 401);
    }
    if (payload.role !== 'admin') return refuse(res, 403);
    if (fromQuery) {
      const maxAge = payload.exp ? Math.max(0, payload.exp - Math.floor(Date.now() / 1000)) : 3600;
      res.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(token)}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`);
      const url = new URL(req.originalUrl, 'http://local');
      url.searchParams.delete('token');
      res.redirect(303, `${url.pathname}${url.search}`);
      return;
    }
    next();
  };
}

/** bull-board at /api/admin/queues, behind the admin check. Mounted before Nest's own routes. */
export function mountQueueBoard(app: INestApplication): void {
  const handles = app.get(QueueHandles);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  // @bull-board/express 9.10.1 declares its own copy of @bull-board/api's types (9.10.2 here): the
  // shapes are the same, only TypeScript's nominal check of a private field differs
  const serverAdapter = adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'];
  createBullBoard({ queues: handles.queues.map((q) => new BullMQAdapter(q)), serverAdapter });
  const jwt = new JwtService({ secret: loadEnv().JWT_SECRET });
  app.use(QUEUE_BOARD_PATH, queueBoardAuth(jwt), adapter.getRouter());
}

import { isDatabaseUnavailable } from '@app/database';
import { DomainError, ErrorDetail } from '@app/domain';
import { ClockUnavailableError } from '@app/queue';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { ERROR_STATUS } from './error-status';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: ErrorDetail[];
  errorId?: string;
  [extra: string]: unknown;
}

const HTTP_FALLBACK: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.' },
  401: { code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập để thực hiện thao tác này.' },
  403: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' },
  404: { code: 'NOT_FOUND', message: 'Không tìm thấy.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Phương thức không được hỗ trợ.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Chỉ nhận dữ liệu dạng JSON.' },
};

/**
 * One place where every error becomes an HTTP answer with a stable code and a Vietnamese message.
 * Anything unexpected is a 500 carrying an error id that is also in the log; never a stack trace.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = this.toBody(exception);
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), body, body.statusCode);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: ERROR_STATUS[exception.code],
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
        ...(exception.extra ?? {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse() as { code?: string; message?: string; details?: ErrorDetail[] };
      if (typeof response === 'object' && response?.code) {
        return { statusCode: status, code: response.code, message: String(response.message), details: response.details };
      }
      // Fastify's body errors (malformed JSON, too large, wrong content type) reach here as HttpExceptions:
      // Nest's router maps each FST_ERR_* error to one with its status
      const fallback = HTTP_FALLBACK[status] ?? { code: 'HTTP_ERROR', message: 'Yêu cầu không thể xử lý.' };
      if (status === 400 && /JSON/i.test(String(response?.message ?? exception.message))) {
        return { statusCode: 400, code: 'MALFORMED_JSON', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' };
      }
      return { statusCode: status, ...fallback };
    }
    // an http-errors error (not a FastifyError, so Nest leaves it as it is): @fastify/static's answer to a
    // range it cannot serve (416) or a failed precondition (412) on a file of the web app
    const status = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (exception instanceof Error && typeof status === 'number' && status >= 400 && status < 500) {
      return { statusCode: status, ...(HTTP_FALLBACK[status] ?? HTTP_FALLBACK[400]) };
    }
    // a dependency away is no bug: the request may be repeated once it is back (health says since when)
    if (exception instanceof ClockUnavailableError) {
      return { statusCode: 503, code: 'CLOCK_UNAVAILABLE', message: 'Chưa đọc được đồng hồ dùng chung (Redis không trả lời). Vui lòng thử lại sau.' };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Cơ sở dữ liệu không trả lời: ${(exception as Error).message}`);
      return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'Cơ sở dữ liệu tạm thời không trả lời. Vui lòng thử lại sau ít phút.' };
    }
    // a unique constraint decided between two writes (two admins creating the same account at once):
    // the loser is told it exists, as a check before the write would have
    const driver = (exception as { driverError?: { code?: unknown; constraint?: unknown } } | null)?.driverError;
    if (driver?.code === '23505') {
      this.logger.warn(`unique violation (${String(driver.constraint ?? '?')}) answered 409`);
      return { statusCode: 409, code: 'ALREADY_EXISTS', message: 'Dữ liệu này đã tồn tại (có thể vừa được tạo bởi người khác). Vui lòng tải lại rồi thử lại.' };
    }
    const errorId = randomUUID();
    this.logger.error(`errorId=${errorId}`, exception instanceof Error ? exception.stack : String(exception));
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên kèm mã lỗi.',
      errorId,
    };
  }
}

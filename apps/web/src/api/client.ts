import type { ErrorDetail } from '@app/domain';

/** An error answer of the API: always {statusCode, code, message, details?} (Vietnamese message). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiHooks {
  token: () => string | null;
  /**
   * Called when a signed-in call answers 401: resolves once the user has signed in again (the
   * request is then retried with the new token), or rejects if they chose to sign out.
   */
  reauthenticate: () => Promise<void>;
}

let hooks: ApiHooks = { token: () => null, reauthenticate: () => Promise.reject(new Error('no session')) };

export function configureApi(next: ApiHooks): void {
  hooks = next;
}

async function send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
  try {
    return await fetch(`/api${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
}

async function read<T>(res: Response): Promise<T> {
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.ok) return json as T;
  const b = (json ?? {}) as { code?: string; message?: string; details?: ErrorDetail[] } & Record<string, unknown>;
  throw new ApiError(res.status, b.code ?? 'HTTP_ERROR', b.message ?? `Lỗi ${res.status}`, b.details ?? [], b);
}

export async function request<T>(method: string, path: string, body?: unknown, options: { anonymous?: boolean } = {}): Promise<T> {
  const token = options.anonymous ? null : hooks.token();
  const res = await send(method, path, body, token);
  if (res.status === 401 && token) {
    // the session expired under the user's hands: sign in again without leaving the page, then retry
    await hooks.reauthenticate();
    return read<T>(await send(method, path, body, hooks.token()));
  }
  return read<T>(res);
}

/** Sends a PDF as itself (Content-Type: application/pdf), e.g. to be verified. */
export function postPdf<T>(path: string, file: Blob): Promise<T> {
  return postFile<T>(path, file, 'application/pdf');
}

/** Sends a file as itself (a PDF to verify, a workbook to import), under its own content type. */
export async function postFile<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const call = (token: string | null) =>
    fetch(`/api${path}`, { method: 'POST', headers: { accept: 'application/json', 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: file });
  let res: Response;
  try {
    res = await call(hooks.token());
    if (res.status === 401) {
      await hooks.reauthenticate();
      res = await call(hooks.token());
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  return read<T>(res);
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
};

/**
 * Downloads a file the API serves behind the bearer token (a plain link would carry no token):
 * fetch, then hand the blob to the browser under the server's file name.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  let token = hooks.token();
  let res = await send('GET', path, undefined, token);
  if (res.status === 401 && token) {
    await hooks.reauthenticate();
    token = hooks.token();
    res = await send('GET', path, undefined, token);
  }
  if (!res.ok) await read(res); // throws the API's error (code, Vietnamese message)
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

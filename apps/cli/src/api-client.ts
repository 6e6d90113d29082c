/** A small client for the scripted month: the demo goes through the same HTTP API as users do. */
export class ApiClient {
  constructor(private readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<string> {
    const body = await this.call<{ accessToken: string }>(null, 'POST', '/auth/login', { username, password });
    return body.accessToken;
  }

  async call<T = unknown>(token: string | null, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as T) : (undefined as T);
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return json;
  }
}

/** A small client for the scripted month: the demo goes through the same HTTP API as users do. */
export class ApiClient {
  /** access tokens live 15 minutes; a long demo signs in again with what it signed in with */
  private readonly credentials = new Map<string, { username: string; password: string }>();
  private readonly renewed = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<string> {
    const body = await this.call<{ accessToken: string }>(null, 'POST', '/auth/login', { username, password });
    this.credentials.set(body.accessToken, { username, password });
    return body.accessToken;
  }

  async call<T = unknown>(token: string | null, method: string, path: string, body?: unknown): Promise<T> {
    let res = await this.send(token === null ? null : (this.renewed.get(token) ?? token), method, path, body);
    const who = token === null ? undefined : this.credentials.get(token);
    if (res.status === 401 && token !== null && who) {
      const fresh = await this.login(who.username, who.password);
      this.renewed.set(token, fresh);
      res = await this.send(fresh, method, path, body);
    }
    const text = await res.text();
    const json = text ? (JSON.parse(text) as T) : (undefined as T);
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return json;
  }

  private send(token: string | null, method: string, path: string, body: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

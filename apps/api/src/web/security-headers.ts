import helmet from '@fastify/helmet';
import type { AppConfig } from '@app/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The Content-Security-Policy of every answer: scripts only from this origin (the web app has no
 * inline script), nothing may frame the app, no plugins. Styles may be inline: Ant Design and
 * ECharts set them at run time (a style cannot run code). Same in every environment, so the
 * browser test checks the policy production sends.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Security headers (helmet): the CSP above, X-Frame-Options DENY, nosniff, no referrer across
 * origins; HSTS when the app is reached over TLS (PUBLIC_URL https://…), which also upgrades any
 * plain-http request the page makes.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const tls = config.PUBLIC_URL.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY, ...(tls ? { 'upgrade-insecure-requests': [] } : {}) } },
    frameguard: { action: 'deny' },
    hsts: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

import { AppConfig, loadConfig } from '../../libs/config/src';

/** The configuration of a test's app or worker: this process's environment (jest sets NODE_ENV=test), with overrides. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, ...overrides });
}

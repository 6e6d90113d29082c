import { DynamicModule, Global, Inject, Module } from '@nestjs/common';
import type { AppConfig } from './env';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Injects the configuration an entry point loaded: `constructor(@InjectConfig() config: AppConfig)`. */
export const InjectConfig = (): ParameterDecorator => Inject(APP_CONFIG);

/** The loaded configuration, global to the app or worker that registers it once in its root module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

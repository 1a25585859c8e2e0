import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@zhengdun/config';
import { DevTokensController } from './dev-tokens.controller';
import { DevTokensService } from './dev-tokens.service';

/**
 * GET/POST /dev/tokens, only where tokens are this API's own HS256 development tokens. With JWKS_URL
 * set they would be refused anyway, so the routes are not registered at all: 404, and absent from /docs.
 */
@Module({})
export class DevTokensModule {
  static register(auth: AppConfig['auth']): DynamicModule {
    if (auth.jwksUrl) return { module: DevTokensModule };
    return { module: DevTokensModule, controllers: [DevTokensController], providers: [DevTokensService] };
  }
}

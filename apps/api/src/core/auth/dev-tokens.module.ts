import { Module, type DynamicModule } from '@nestjs/common';
import { devSignInEnabled, type AppConfig } from '@zhengdun/config';
import { DevTokensController } from './dev-tokens.controller';
import { DevTokensService } from './dev-tokens.service';

/**
 * GET/POST /dev/tokens, only in development mode (`npm start`) and where tokens are this API's own HS256
 * tokens. In production, or with JWKS_URL, the routes are not registered at all: 404, and absent from /docs.
 */
@Module({})
export class DevTokensModule {
  static register(config: AppConfig): DynamicModule {
    if (!devSignInEnabled(config)) return { module: DevTokensModule };
    return { module: DevTokensModule, controllers: [DevTokensController], providers: [DevTokensService] };
  }
}

import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { Public } from './auth.decorators';
import { DevTokenListView, DevTokenRequestDto, DevTokenView } from './dev-tokens.dto';
import { DevTokensService } from './dev-tokens.service';

/** Served only in development mode without JWKS_URL (see DevTokensModule); otherwise these routes do not exist (404). */
@ApiTags('development 开发登录')
@Public()
@Controller('dev/tokens')
export class DevTokensController {
  constructor(private readonly tokens: DevTokensService) {}

  @Get()
  @ApiOperation({ summary: '开发环境：每个角色一个示例身份及其访问令牌', description: 'Only in development mode (npm start) without JWKS_URL; 404 otherwise.' })
  @ApiOkResponse({ type: DevTokenListView })
  async list(): Promise<DevTokenListView> {
    return { items: await this.tokens.samples() };
  }

  @Post()
  @ApiOperation({ summary: '开发环境：为任意角色与管辖范围签发访问令牌', description: 'Only in development mode (npm start) without JWKS_URL; 404 otherwise.' })
  @ApiCreatedResponse({ type: DevTokenView })
  @ApiProblems(400, 413)
  mint(@Body() body: DevTokenRequestDto): Promise<DevTokenView> {
    return this.tokens.mint(body);
  }
}

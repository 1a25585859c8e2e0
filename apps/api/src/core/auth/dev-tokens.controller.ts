import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditRecorder, outcomeOf, type AuditActor } from '../audit/audit-recorder';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { Public } from './auth.decorators';
import { DevTokenListView, DevTokenRequestDto, DevTokenView } from './dev-tokens.dto';
import { DevTokensService } from './dev-tokens.service';

/** Who asked for a token that was not issued: the routes take no credentials. */
const ANONYMOUS_AUDIT_ACTOR: AuditActor = { userId: 'anonymous', name: '未认证请求', role: 'anonymous' };

/** Served only in development mode without JWKS_URL (see DevTokensModule); otherwise these routes do not exist (404). */
@ApiTags('development 开发登录')
@Public()
@Controller('dev/tokens')
export class DevTokensController {
  constructor(
    private readonly tokens: DevTokensService,
    private readonly audit: AuditRecorder,
  ) {}

  @Get()
  @ApiOperation({ summary: '开发环境：每个角色一个示例身份及其访问令牌', description: 'Only in development mode (npm start) without JWKS_URL; 404 otherwise.' })
  @ApiOkResponse({ type: DevTokenListView })
  async list(): Promise<DevTokenListView> {
    const items = await this.tokens.samples();
    // Every token issued is audited, under the identity it speaks for (the caller is anonymous).
    for (const { actor } of items) await this.audit.record(actor, null, 'issueDevToken', { sample: true, ...actor }, 'accepted');
    return { items };
  }

  @Post()
  @ApiOperation({ summary: '开发环境：为任意角色与管辖范围签发访问令牌', description: 'Only in development mode (npm start) without JWKS_URL; 404 otherwise.' })
  @ApiCreatedResponse({ type: DevTokenView })
  @ApiProblems(400, 413)
  async mint(@Body() body: DevTokenRequestDto): Promise<DevTokenView> {
    try {
      const issued = await this.tokens.mint(body);
      await this.audit.record(issued.actor, null, 'issueDevToken', body, 'accepted');
      return issued;
    } catch (error) {
      await this.audit.record(ANONYMOUS_AUDIT_ACTOR, null, 'issueDevToken', body, outcomeOf(error));
      throw error;
    }
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { TodoListView } from './todos.dto';
import { TodosService } from './todos.service';

@ApiTags('todos 待办')
@ApiBearerAuth()
@Controller('me')
export class TodosController {
  constructor(private readonly todos: TodosService) {}

  @Get('todos')
  @ApiOperation({
    summary: '我的待办：待审批的方案、待完成的措施、待处理的异议、待说明的逾期、系统提请的约谈、待验收和回头看，按到期时间排序',
    description: 'Computed from the read model with the same rules as the actions you may take (actionsFor); only cases in your scope.',
  })
  @ApiOkResponse({ type: TodoListView })
  @ApiProblems(401)
  list(@CurrentActor() actor: Actor): Promise<TodoListView> {
    return this.todos.forActor(actor);
  }
}

import 'reflect-metadata';
import { ACTION_RULES, CASE_ACTION_TYPES } from '@zhengdun/domain';
import { CASE_ACTION } from '../../core/auth/auth.decorators';
import { CaseActionsController } from './case-actions.controller';
import { ACTION_DTOS } from './dto/case-action.dto';

describe('CaseActionsController', () => {
  const methods = Object.getOwnPropertyNames(CaseActionsController.prototype).filter((name) => name !== 'constructor');
  const handler = (name: string) => (CaseActionsController.prototype as unknown as Record<string, object>)[name];

  it('has one endpoint per action of the CaseAction union, each at actions/<type>', () => {
    expect(methods.sort()).toEqual([...CASE_ACTION_TYPES].sort());
    for (const type of CASE_ACTION_TYPES) {
      expect(Reflect.getMetadata('path', handler(type))).toBe(`actions/${type}`);
      expect(Reflect.getMetadata(CASE_ACTION, handler(type))).toBe(type);
    }
  });

  it('validates each action with its own DTO', () => {
    for (const type of CASE_ACTION_TYPES) {
      const [, , body] = Reflect.getMetadata('design:paramtypes', CaseActionsController.prototype, type) as unknown[];
      expect({ type, dto: (body as { name: string }).name }).toEqual({ type, dto: ACTION_DTOS[type].name });
    }
    expect(Object.keys(ACTION_DTOS).sort()).toEqual(Object.keys(ACTION_RULES).sort());
  });
});

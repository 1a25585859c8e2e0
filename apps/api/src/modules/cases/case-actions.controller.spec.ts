import 'reflect-metadata';
import { CASE_ACTION_TYPES } from '@zhengdun/domain';
import { CASE_ACTION } from '../../core/auth/auth.decorators';
import { CaseActionsController } from './case-actions.controller';

describe('CaseActionsController', () => {
  const methods = Object.getOwnPropertyNames(CaseActionsController.prototype).filter((name) => name !== 'constructor');
  const handler = (name: string) => (CaseActionsController.prototype as unknown as Record<string, object>)[name];

  it('has one endpoint per action of the registry, each at actions/<type> taking that action', () => {
    expect(methods.sort()).toEqual([...CASE_ACTION_TYPES].sort());
    for (const type of CASE_ACTION_TYPES) {
      expect(Reflect.getMetadata('path', handler(type))).toBe(`actions/${type}`);
      expect(Reflect.getMetadata(CASE_ACTION, handler(type))).toBe(type);
    }
  });
});

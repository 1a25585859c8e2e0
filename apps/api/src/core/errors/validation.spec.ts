import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { SubmitPlanDto } from '../../modules/cases/dto/case-action.dto';
import { fieldErrors, validateDto, VALIDATOR_OPTIONS } from './validation';
import { RequestValidationException } from './request-validation.exception';

describe('field errors', () => {
  it('names nested fields by their path in the request, in Chinese and English', async () => {
    const dto = plainToInstance(SubmitPlanDto, {
      measures: [{ problemId: 'p1', description: '措施', ownerId: 'sec-1', ownerName: '王', dueAt: 'soon' }],
      extra: 1,
    });
    const fields = fieldErrors(await validate(dto, VALIDATOR_OPTIONS));
    expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(['measures[0].dueAt', 'extra']));
    const dueAt = fields.find((f) => f.field === 'measures[0].dueAt')!;
    expect(dueAt.detail).toContain('ISO 8601');
    expect(dueAt.detail_en).toContain('dueAt');
    expect(fields.find((f) => f.field === 'extra')!.detail).toBe('是不允许的字段');
  });

  it('validates one batch item under its index', async () => {
    await expect(validateDto(SubmitPlanDto, 'plan', 'cases[3]')).rejects.toMatchObject({ fields: [{ field: 'cases[3]' }] });
    const error = await validateDto(SubmitPlanDto, { measures: 'x' }, 'cases[2]').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationException);
    expect((error as RequestValidationException).fields[0].field).toBe('cases[2].measures');
  });
});

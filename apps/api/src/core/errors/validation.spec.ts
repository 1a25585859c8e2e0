import { ValidationPipe } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { IsArray, IsDefined, IsISO8601, IsObject, IsString, Matches, MaxLength, ValidateNested, validate } from 'class-validator';
import { fieldErrors, MAX_NESTING, nestsDeeperThan, RequestValidationPipe, validateDto, VALIDATION_PIPE_OPTIONS, VALIDATOR_OPTIONS } from './validation';
import { RequestValidationException } from './request-validation.exception';

// Shaped like the API's own DTOs (a plan of measures, a progress report), without importing a module.
class MeasureDto {
  @ApiProperty({ title: '问题编号' }) @IsString() problemId!: string;
  @ApiProperty({ title: '整改措施' }) @IsString() @Matches(/\S/) @MaxLength(2000) description!: string;
  @ApiProperty({ title: '责任人编号' }) @IsString() ownerId!: string;
  @ApiProperty({ title: '责任人姓名' }) @IsString() @Matches(/\S/) ownerName!: string;
  @ApiProperty({ title: '完成时限' }) @IsISO8601({ strict: true }) dueAt!: string;
}

class SubmitPlanDto {
  @ApiProperty({ title: '整改措施', type: [MeasureDto] })
  @IsArray() @ValidateNested({ each: true }) @Type(() => MeasureDto)
  measures!: MeasureDto[];
}

class ReportProgressDto {
  @ApiProperty({ title: '汇报内容' }) @IsString() @Matches(/\S/) @MaxLength(2000) summary!: string;
}

class PeriodDto {
  @ApiProperty({ title: '时长' }) @IsDefined() amount!: number;
}

class PolicyDto {
  @ApiProperty({ title: '结果公示期', type: PeriodDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => PeriodDto) publicityPeriod!: PeriodDto;
  @IsDefined() unlabelled!: string;
}

class CampaignDto {
  @ApiProperty({ title: '整顿批次名称' }) @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(200) name!: string;
  @ApiProperty({ title: '整顿政策', type: PolicyDto }) @IsObject() @ValidateNested() @Type(() => PolicyDto) policy!: PolicyDto;
}

describe('field names in the user’s words', () => {
  const refusal = (body: unknown) =>
    new ValidationPipe(VALIDATION_PIPE_OPTIONS).transform(body, { type: 'body', metatype: CampaignDto }).then(
      () => undefined,
      (error: unknown) => error as RequestValidationException,
    );

  it('names a nested field by its Chinese title, with its path beside it, one entry per field', async () => {
    const error = (await refusal({ name: '整顿', policy: { publicityPeriod: {} } }))!;
    expect(error.fields).toEqual([
      { field: 'policy.publicityPeriod.amount', label: '整顿政策·结果公示期·时长', detail: '为必填项', detail_en: 'amount is required' },
      { field: 'policy.unlabelled', detail: '为必填项', detail_en: 'unlabelled is required' },
    ]);
    expect(error.messageZh).toContain('整顿政策·结果公示期·时长为必填项');
    expect(error.messageZh).toContain('整顿政策·结果公示期·时长（policy.publicityPeriod.amount）');
    expect(error.messageZh).not.toContain('policy.publicityPeriod.amount为必填项');
  });

  it('says a blank name is blank, once, and a missing one is missing, once', async () => {
    expect((await refusal({ name: '   ', policy: { publicityPeriod: { amount: 1 }, unlabelled: 'x' } }))!.fields).toEqual([
      { field: 'name', label: '整顿批次名称', detail: '不能为空', detail_en: 'name must not be blank' },
    ]);
    expect((await refusal({ policy: { publicityPeriod: { amount: 1 }, unlabelled: 'x' } }))!.fields).toEqual([
      { field: 'name', label: '整顿批次名称', detail: '为必填项', detail_en: 'name is required' },
    ]);
    expect((await refusal({ name: 'x'.repeat(201), policy: { publicityPeriod: { amount: 1 }, unlabelled: 'x' } }))!.fields).toEqual([
      { field: 'name', label: '整顿批次名称', detail: '过长', detail_en: expect.stringContaining('shorter than or equal to 200') },
    ]);
  });

  it('numbers an array’s items from 1 in the label and from 0 in the path', async () => {
    const measure = { problemId: 'p1', description: '措施', ownerId: 'sec-1', ownerName: '王', dueAt: '2030-01-01T00:00:00Z' };
    const fields = fieldErrors(await validate(plainToInstance(SubmitPlanDto, { measures: [measure, { ...measure, ownerName: '' }] }), VALIDATOR_OPTIONS));
    expect(fields).toEqual([{ field: 'measures[1].ownerName', label: '整改措施第2项·责任人姓名', detail: '不能为空', detail_en: 'ownerName must not be blank' }]);
  });
});

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

describe('nesting', () => {
  const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

  it('measures depth without recursing', () => {
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(nestsDeeperThan(nested(200_000), MAX_NESTING)).toBe(true);
  });

  it('refuses a body nested too deeply for class-transformer with a 400 naming the body, not a stack overflow', async () => {
    const pipe = new ValidationPipe(VALIDATION_PIPE_OPTIONS);
    const refusal = await pipe.transform(nested(5000), { type: 'body', metatype: SubmitPlanDto }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RequestValidationException);
    expect((refusal as RequestValidationException).fields[0].field).toBe('(body)');
    await expect(validateDto(SubmitPlanDto, { measures: nested(5000) }, 'cases[0]')).rejects.toMatchObject({ fields: [{ field: 'cases[0]' }] });
  });
});

describe('text Postgres cannot store', () => {
  const pipe = new ValidationPipe(VALIDATION_PIPE_OPTIONS);
  const refusal = (value: unknown, metatype: new () => object = SubmitPlanDto) =>
    pipe.transform(value, { type: 'body', metatype }).then(
      () => undefined,
      (error: unknown) => (error as RequestValidationException).fields?.map((field) => field.field),
    );
  const measure = { problemId: 'p1', description: '措施', ownerId: 'sec-1', ownerName: '王', dueAt: '2030-01-01T00:00:00Z' };

  it('refuses NUL and unpaired surrogates, naming the field, and lets any other text through', async () => {
    expect(await refusal({ summary: 'a\u0000b' }, ReportProgressDto)).toEqual(['summary']);
    expect(await refusal({ measures: [measure, { ...measure, description: '\ud83d' }] })).toEqual(['measures[1].description']);
    expect(await refusal({ measures: [{ ...measure, ['x\u0000']: 1 }] })).toEqual(['measures[0].x\u0000']);
    expect(await refusal({ summary: '😀 \u202e\u001b[31m 𝛨 ‮' }, ReportProgressDto)).toBeUndefined();
    await expect(validateDto(ReportProgressDto, { summary: '\udc00' }, 'cases[2]')).rejects.toMatchObject({ fields: [{ field: 'cases[2].summary' }] });
  });
});

describe('prototype keys', () => {
  const pipe = new RequestValidationPipe();
  const run = (body: string) => pipe.transform(JSON.parse(body), { type: 'body', metatype: ReportProgressDto }).catch((e: unknown) => e);

  it.each([
    ['{"summary":"好","__proto__":{"polluted":true}}', '__proto__'],
    ['{"summary":"好","constructor":{"prototype":{"polluted":true}}}', 'constructor'],
  ])('refuses %s like an unknown field, naming %s', async (body, field) => {
    const error = await run(body);
    expect(error).toBeInstanceOf(RequestValidationException);
    expect((error as RequestValidationException).fields).toEqual([{ field, detail: '是不允许的字段', detail_en: expect.stringContaining('should not exist') }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

it('refuses a prototype key in a batch item too', async () => {
  const error = await validateDto(ReportProgressDto, JSON.parse('{"summary":"好","prototype":{"x":1}}'), 'cases[1]').catch((e: unknown) => e);
  expect((error as RequestValidationException).fields).toEqual([{ field: 'cases[1].prototype', detail: '是不允许的字段', detail_en: 'property prototype should not exist' }]);
});

import { ValidationPipe } from '@nestjs/common';
import { VALIDATION_PIPE_OPTIONS } from '../../core/errors/validation';
import type { RequestValidationException } from '../../core/errors/request-validation.exception';
import { CreateCampaignDto } from './campaign.dto';

const period = { amount: 5, unit: 'days' };
const policy = {
  planPeriod: period,
  publicityPeriod: period,
  rectificationPeriod: period,
  reportCadence: period,
  reminderLead: period,
  escalationInterval: period,
  reviewDelay: period,
  satisfactionThreshold: 0.8,
};
const valid = { name: '2026年整顿', county: '示范县', endsAt: '2026-10-31T23:59:59+08:00', policy };

async function refusal(body: unknown): Promise<RequestValidationException> {
  return new ValidationPipe(VALIDATION_PIPE_OPTIONS).transform(body, { type: 'body', metatype: CreateCampaignDto }).then(
    () => {
      throw new Error('accepted');
    },
    (error: unknown) => error as RequestValidationException,
  );
}

describe('creating a campaign, refused in the clerk’s words', () => {
  it('names a missing field in Chinese', async () => {
    const error = await refusal({ ...valid, policy: { ...policy, publicityPeriod: { unit: 'days' } } });
    expect(error.fields).toEqual([expect.objectContaining({ field: 'policy.publicityPeriod.amount', label: '整顿政策·结果公示期·时长', detail: '为必填项' })]);
    expect(error.messageZh).toContain('整顿政策·结果公示期·时长');
    expect(error.messageZh).not.toMatch(/policy\.publicityPeriod\.amount为/);
  });

  it('takes a policy with only the periods the county changes (the rest come from the defaults)', async () => {
    const accepted = await new ValidationPipe(VALIDATION_PIPE_OPTIONS).transform({ ...valid, policy: { publicityPeriod: period } }, { type: 'body', metatype: CreateCampaignDto });
    expect(accepted).toMatchObject({ policy: { publicityPeriod: period } });
  });

  it('says a blank name is blank, and keeps each field its own entry', async () => {
    const error = await refusal({ ...valid, name: ' ', policy: { ...policy, reviewDelay: { amount: -1, unit: 'weeks' } } });
    expect(error.fields.map(({ field, label, detail }) => ({ field, label, detail }))).toEqual([
      { field: 'name', label: '整顿批次名称', detail: '不能为空' },
      { field: 'policy.reviewDelay.amount', label: '整顿政策·回头看间隔·时长', detail: '数值过小' },
      { field: 'policy.reviewDelay.unit', label: '整顿政策·回头看间隔·计时单位', detail: '取值不在允许范围内' },
    ]);
  });
});

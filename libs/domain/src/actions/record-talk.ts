import { z } from 'zod';
import { recordTalk } from '../lifecycle/accountability';
import { defineAction, hasOpenProposal, OPEN_STAGES } from './definition';
import { instant, proposalId, text } from './fields';

const talkAsRecorded = {
  proposalId: proposalId('约谈建议'),
  heldAt: instant('约谈时间'),
  talkedTo: z
    .array(z.enum(['branch_secretary', 'secretary_above']).meta({ title: '约谈对象' }))
    .min(1)
    .max(2)
    .meta({ title: '约谈对象', description: 'branch_secretary 支部书记 / secretary_above 上级党组织书记（建议中列明的人员）' }),
  record: text('约谈记录', '指出整改措施逾期未完成的问题，要求一周内完成并报告'),
};

/** 约谈, held by people and recorded by them: the system only proposed it (Accountability speech). */
export const recordTalkAction = defineAction({
  type: 'recordTalk',
  label: '记录约谈',
  description: '记录按系统建议已进行的约谈：时间、约谈对象和约谈记录；只有记录的约谈才计入约谈次数',
  stages: OPEN_STAGES,
  roles: ['township_committee', 'county_department'],
  records: ['talk_recorded'],
  body: z.strictObject({
    ...talkAsRecorded,
    // Resolved by the API from the read model: talks the same people had about other branches
    // (the township Party secretary answers for all of them, County speech: 累计约谈两次以上).
    talksElsewhere: z.record(z.string(), z.int().min(0)).optional(),
  }),
  request: z.strictObject(talkAsRecorded),
  offeredWhen: (state) => hasOpenProposal(state, 'talk'),
  apply: (draft, body) => recordTalk(draft, body.proposalId, body.heldAt, body.talkedTo, body.record, body.talksElsewhere ?? {}),
});

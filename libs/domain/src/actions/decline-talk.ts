import { z } from 'zod';
import { declineTalk } from '../lifecycle/accountability';
import { defineAction, hasOpenProposal, OPEN_STAGES } from './definition';
import { proposalId, text } from './fields';

export const declineTalkAction = defineAction({
  type: 'declineTalk',
  label: '不予约谈',
  description: '对系统提请的约谈作出不予约谈的决定，并写明理由',
  stages: OPEN_STAGES,
  roles: ['township_committee', 'county_department'],
  records: ['talk_declined'],
  body: z.strictObject({ proposalId: proposalId('约谈建议'), reason: text('理由', '逾期系因汛期抢险，已书面说明并经党委认可') }),
  offeredWhen: (state) => hasOpenProposal(state, 'talk'),
  apply: (draft, body) => declineTalk(draft, body.proposalId, body.reason),
});

import { z } from 'zod';
import { amendmentMissing, startPublicity } from '../lifecycle/remediation';
import { defineAction } from './definition';

export const startPublicityAction = defineAction({
  type: 'startPublicity',
  label: '启动结果公示',
  description: '全部措施销项后，公示整顿结果，接受党员群众评议',
  stages: ['remediating'],
  roles: ['township_committee'],
  records: ['publicity_started'],
  body: z.strictObject({}),
  admissible: (state) => amendmentMissing(state),
  apply: (draft) => startPublicity(draft),
});

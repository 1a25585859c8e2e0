import { z } from 'zod';
import { replaceSecretary } from '../lifecycle/secretary';
import { defineAction, OPEN_STAGES } from './definition';
import { ID_PATTERNS, instant, NOT_BLANK, text } from './fields';

/** 调整不胜任不尽职的村党组织书记 (000, 002): recorded by the township committee or the county. */
export const replaceSecretaryAction = defineAction({
  type: 'replaceSecretary',
  label: '调整支部书记',
  description: '记录调整支部书记：新任书记（可为从县乡机关选派）、任职日期和原因；此后由新任书记办理、接收通知',
  stages: OPEN_STAGES,
  roles: ['township_committee', 'county_department'],
  records: ['secretary_replaced'],
  body: z.strictObject({
    personId: z.string().regex(ID_PATTERNS.person).meta({ title: '新任书记人员编号', examples: ['sec-410323-002'] }),
    name: z.string().regex(NOT_BLANK).max(100).meta({ title: '新任书记姓名', examples: ['李选派'] }),
    sentFrom: z.string().max(200).optional().meta({ title: '选派单位', description: '从县乡机关选派的，填写派出单位；本村（单位）产生的不填', examples: ['县农业农村局'] }),
    effectiveAt: instant('任职日期'),
    reason: text('调整原因', '原书记不胜任，经组织处理决定予以调整'),
  }),
  apply: (draft, body) => replaceSecretary(draft, body),
});

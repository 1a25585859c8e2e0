import { z } from 'zod';
import { appointmentRefusal } from '../appointments';
import { assignTeam } from '../lifecycle/identification';
import { ACTIVE_STAGES, defineAction } from './definition';
import { teamMember } from './fields';

/** 四个一: the leaders assigned to the organization (County speech). */
export const assignTeamAction = defineAction({
  type: 'assignTeam',
  label: '落实包抓责任人',
  description: '落实“四个一”等包抓责任人；配齐后整顿对象进入“已落实包抓”',
  stages: ACTIVE_STAGES,
  roles: ['county_department', 'township_committee'],
  records: ['team_assigned'],
  body: z.strictObject({ members: z.array(teamMember).min(1).max(20).meta({ title: '包抓责任人' }) }),
  admissible: (state, body, actor) => appointmentRefusal(state.org, body.members, actor),
  apply: (draft, body) => assignTeam(draft, body.members),
});

/**
 * The demo county (示范县) of `npm start -- --demo`: its committees, the people who act, and forty
 * organizations of every domain, each with the stage the demo drives it to (`DemoTarget`). Invented
 * names and problems in the seeds' categories; nothing here is real.
 */
import type { OrgDomain, ProblemInput, TeamMember } from '@zhengdun/domain';

/** The development county (apps/api's DEV_COUNTY): the dev sign-in's identities see the demo. */
export const DEMO_COUNTY = '示范县';

/** What the demo does to one organization (a stage, and on the way what makes it lively). */
export type DemoTarget =
  | 'identified' // team not complete yet
  | 'assigned' // team in place, plan not submitted
  | 'planning' // plan submitted, awaiting the committee
  | 'plan_returned' // plan returned to the branch for rework
  | 'remediating' // some measures done, a progress report
  | 'overdue' // a measure missed: the branch is asked to explain
  | 'explained' // … and has explained
  | 'talk_proposed' // … and, still open, a talk is proposed
  | 'talk_recorded' // … and the committee recorded the talk
  | 'objection_open' // publicized, an objection from the public waits
  | 'objection_upheld' // the objection was upheld: back to remediation with a deadline
  | 'preliminary_acceptance'
  | 'county_acceptance'
  | 'delisted'
  | 'follow_up_review'
  | 'archived'
  | 'rebound'; // 回头看 found a problem back: a new round from the team on

export interface DemoCommittee {
  /** The case's township field: a 乡镇/街道 or, for enterprises and agencies, the owning sector committee. */
  township: string;
  userId: string;
  /** The person acting for the committee (shown in the audit trail and timeline). */
  name: string;
  /** The committee's Party secretary: the township leader of its key villages, and the "secretary above" of a talk. */
  secretary: { personId: string; name: string };
}

export const DEMO_COMMITTEES = {
  qingshan: { township: '青山镇', userId: 'demo-qs-committee', name: '青山镇党委 周立群', secretary: { personId: 'demo-qs-sec', name: '马国强' } },
  hekou: { township: '河口镇', userId: 'demo-hk-committee', name: '河口镇党委 孙晓梅', secretary: { personId: 'demo-hk-sec', name: '郑文斌' } },
  liulin: { township: '柳林乡', userId: 'demo-ll-committee', name: '柳林乡党委 韩志远', secretary: { personId: 'demo-ll-sec', name: '冯德胜' } },
  chengguan: { township: '城关街道', userId: 'demo-cg-committee', name: '城关街道党工委 邓丽华', secretary: { personId: 'demo-cg-sec', name: '曹建新' } },
  agencies: { township: '县直机关工委', userId: 'demo-jg-committee', name: '县直机关工委 彭海涛', secretary: { personId: 'demo-jg-sec', name: '袁振华' } },
  stateOwned: { township: '县国资委党委', userId: 'demo-gz-committee', name: '县国资委党委 蒋明辉', secretary: { personId: 'demo-gz-sec', name: '沈卫国' } },
  nonPublic: { township: '县非公经济组织和社会组织党工委', userId: 'demo-fg-committee', name: '非公党工委 谢春燕', secretary: { personId: 'demo-fg-sec', name: '唐志刚' } },
  education: { township: '县教育工委', userId: 'demo-jy-committee', name: '县教育工委 许文静', secretary: { personId: 'demo-jy-sec', name: '程立新' } },
  health: { township: '县卫生健康工委', userId: 'demo-wj-committee', name: '县卫健工委 吕红英', secretary: { personId: 'demo-wj-sec', name: '罗德明' } },
} satisfies Record<string, DemoCommittee>;
type CommitteeKey = keyof typeof DEMO_COMMITTEES;

/** The county department's person in the demo: every county action is hers. */
export const DEMO_COUNTY_STAFF = { userId: 'demo-county-wang', name: '县委组织部 王秀兰' };

export interface DemoOrganization {
  code: string;
  name: string;
  domain: OrgDomain;
  committee: CommitteeKey;
  isKeyVillage?: boolean;
  source: 'screening' | 'inspection' | 'petition';
  secretary: { personId: string; name: string };
  problems: ProblemInput[];
  team: TeamMember[];
  target: DemoTarget;
}

const COUNTY_LEADERS = [
  { personId: 'demo-xld-chen', name: '陈国栋', title: '县委常委、宣传部部长' },
  { personId: 'demo-xld-li', name: '李振华', title: '副县长' },
  { personId: 'demo-xld-zhao', name: '赵明远', title: '县人大常委会副主任' },
];
const PAIRED_AGENCIES = ['县财政局', '县农业农村局', '县水利局', '县自然资源局', '县人社局', '县交通运输局', '县住建局', '县发改委'];
const FIRST_SECRETARIES = ['吴海波', '杨帆', '黄子豪', '胡晓东', '朱立平', '林浩然', '何思远', '郭建军', '高宇航', '罗晨'];

const PROBLEMS: Record<'rural' | 'state_owned_enterprise' | 'non_public_enterprise' | 'other', ProblemInput[]> = {
  rural: [
    { category: 'secretary_incompetent', description: '村党支部书记年龄偏大、带富能力弱，村里重点工作推不动' },
    { category: 'petitions_and_conflicts', description: '土地流转纠纷长期未化解，近两年群众越级信访6起' },
    { category: 'lax_inner_party_life', description: '“三会一课”不经常，主题党日流于形式，会议记录补写' },
    { category: 'village_bully_or_crime_links', description: '个别村民小组长强揽村内工程，群众反映强烈' },
    { category: 'criminal_or_religious_interference', description: '宗族势力干扰村“两委”换届，选举秩序受影响' },
    { category: 'irregular_dues', description: '党费收缴不及时，部分党员连续半年未交纳党费' },
  ],
  state_owned_enterprise: [
    { category: 'leadership_incomplete', description: '支部委员缺额2名，超过一年未补选' },
    { category: 'two_skins', description: '党建与生产经营“两张皮”，党建工作未纳入经营考核' },
    { category: 'irregular_organizational_life', description: '组织生活会不按期召开，批评与自我批评不开展' },
  ],
  non_public_enterprise: [
    { category: 'joint_branch_nominal', description: '联合党支部覆盖7家企业，但只挂牌子、不开展活动' },
    { category: 'activities_infrequent', description: '全年仅开展党内活动1次，党员作用发挥不明显' },
    { category: 'leadership_incomplete', description: '支部书记由企业办公室主任兼任，委员长期缺额' },
  ],
  other: [
    { category: 'reelection_overdue', description: '支部委员会任期届满超过半年未换届' },
    { category: 'lax_member_management', description: '流动党员底数不清，3名党员长期失联' },
    { category: 'study_on_paper_only', description: '政治理论学习以读文件代替研讨，学习笔记雷同' },
    { category: 'members_not_exemplary', description: '党员在重点工作中不亮身份、不作表率，群众评价不高' },
    { category: 'weak_coverage', description: '新入驻单位党员组织关系未转入，组织覆盖存在空白' },
  ],
};

/** Two or three of the domain's problems, varied by the organization's place in the list. */
function problemsFor(domain: OrgDomain, index: number): ProblemInput[] {
  const pool = domain === 'rural' || domain === 'state_owned_enterprise' || domain === 'non_public_enterprise' ? PROBLEMS[domain] : PROBLEMS.other;
  const count = index % 3 === 0 ? 3 : 2;
  return Array.from({ length: Math.min(count, pool.length) }, (_, k) => pool[(index + k) % pool.length]);
}

function teamFor(domain: OrgDomain, committee: DemoCommittee, index: number, isKeyVillage: boolean, code: string): TeamMember[] {
  switch (domain) {
    case 'rural':
      return [
        { teamRole: 'county_leader', ...COUNTY_LEADERS[index % COUNTY_LEADERS.length] },
        isKeyVillage
          ? { teamRole: 'township_leader', ...committee.secretary, title: `${committee.township}党委书记`, isTownshipPartySecretary: true }
          : { teamRole: 'township_leader', personId: `demo-bc-${code}`, name: ['刘永刚', '孙立军', '周红梅', '钱志勇', '何秀云'][index % 5], title: `${committee.township}党委委员` },
        { teamRole: 'first_secretary', personId: `demo-dy-${code}`, name: FIRST_SECRETARIES[index % FIRST_SECRETARIES.length], title: '驻村第一书记' },
        { teamRole: 'paired_agency', personId: `demo-jd-${code}`, name: PAIRED_AGENCIES[index % PAIRED_AGENCIES.length] },
      ];
    case 'state_owned_enterprise':
      return [
        { teamRole: 'designated_cadre', personId: `demo-bz-${code}`, name: ['郑宏伟', '田立新', '潘志明', '董春雷'][index % 4], title: '县国资委党委组织科科长' },
        { teamRole: 'supervising_committee', personId: 'demo-gz-duban', name: '县国资委党委' },
      ];
    case 'non_public_enterprise':
      return [
        { teamRole: 'party_building_instructor', personId: `demo-zd-${code}`, name: ['孟凡玲', '叶国平', '范文军', '石海燕', '魏建平'][index % 5], title: '党建指导员', appointingUnit: '县市场监督管理局' },
        { teamRole: 'linked_leader', personId: 'demo-scj-qian', name: '钱卫东', title: '县市场监督管理局副局长', appointingUnit: '县市场监督管理局' },
      ];
    default:
      return [{ teamRole: 'responsible_leader', personId: `demo-zr-${code}`, name: ['冯建设', '蔡丽萍', '杜永明', '姜红', '夏文涛', '方志诚'][index % 6], title: '上级党组织班子成员' }];
  }
}

const SECRETARY_NAMES = [
  '王建国', '李秀英', '张志强', '刘海燕', '陈国华', '杨玉兰', '赵卫东', '黄红梅', '周德明', '吴春生',
  '徐桂芳', '孙永刚', '胡立新', '朱丽娟', '高文斌', '林俊杰', '何建平', '郭淑珍', '马金龙', '罗小军',
  '梁志华', '宋国庆', '郑爱民', '谢桂兰', '韩振宇', '唐明亮', '冯彩霞', '于洪涛', '董桂英', '萧晓峰',
  '程永红', '曹冬梅', '袁新民', '邓雪松', '许建军', '傅春花', '沈家宝', '曾凡荣', '彭玉珍', '吕长林',
];

/** name, domain, committee, what the demo does with it; the order spreads every domain over the stages. */
const ORGANIZATIONS: [string, OrgDomain, CommitteeKey, DemoTarget, { key?: true; source?: DemoOrganization['source'] }?][] = [
  ['石桥村党支部', 'rural', 'qingshan', 'identified'],
  ['柳湾村党支部', 'rural', 'qingshan', 'talk_recorded', { key: true }],
  ['杨庄村党支部', 'rural', 'qingshan', 'archived'],
  ['东坡村党支部', 'rural', 'qingshan', 'objection_open', { source: 'petition' }],
  ['王家岭村党支部', 'rural', 'qingshan', 'planning'],
  ['河西村党支部', 'rural', 'hekou', 'overdue'],
  ['李家沟村党支部', 'rural', 'hekou', 'rebound', { key: true }],
  ['白沙村党支部', 'rural', 'hekou', 'county_acceptance'],
  ['南岗村党支部', 'rural', 'hekou', 'assigned', { source: 'inspection' }],
  ['枣林村党支部', 'rural', 'hekou', 'remediating'],
  ['后营村党支部', 'rural', 'liulin', 'talk_proposed'],
  ['新集村党支部', 'rural', 'liulin', 'delisted'],
  ['马坊村党支部', 'rural', 'liulin', 'preliminary_acceptance'],
  ['北堡村党支部', 'rural', 'liulin', 'explained'],
  ['青石村党支部', 'rural', 'liulin', 'follow_up_review'],
  ['槐树村党支部', 'rural', 'qingshan', 'remediating'],
  ['新华社区党支部', 'community', 'chengguan', 'remediating'],
  ['幸福社区党支部', 'community', 'chengguan', 'objection_upheld', { source: 'petition' }],
  ['东关社区党支部', 'community', 'chengguan', 'identified'],
  ['育才社区党支部', 'community', 'chengguan', 'archived'],
  ['滨河社区党支部', 'community', 'chengguan', 'plan_returned'],
  ['县城市建设投资集团有限公司党支部', 'state_owned_enterprise', 'stateOwned', 'remediating', { source: 'inspection' }],
  ['县供水有限责任公司党支部', 'state_owned_enterprise', 'stateOwned', 'preliminary_acceptance'],
  ['县粮食储备库党支部', 'state_owned_enterprise', 'stateOwned', 'assigned'],
  ['县交通运输集团党支部', 'state_owned_enterprise', 'stateOwned', 'follow_up_review', { source: 'inspection' }],
  ['示范县宏达机械制造有限公司党支部', 'non_public_enterprise', 'nonPublic', 'planning'],
  ['县电子商务产业园联合党支部', 'non_public_enterprise', 'nonPublic', 'overdue'],
  ['县建材行业联合党支部', 'non_public_enterprise', 'nonPublic', 'county_acceptance'],
  ['县鑫源食品有限公司党支部', 'non_public_enterprise', 'nonPublic', 'identified'],
  ['县物流园区联合党支部', 'non_public_enterprise', 'nonPublic', 'objection_open'],
  ['县农业农村局机关第二党支部', 'agency', 'agencies', 'remediating', { source: 'inspection' }],
  ['县市场监督管理局机关第三党支部', 'agency', 'agencies', 'delisted'],
  ['县自然资源局机关党支部', 'agency', 'agencies', 'archived'],
  ['县住房和城乡建设局机关党支部', 'agency', 'agencies', 'assigned'],
  ['县第三中学党支部', 'school', 'education', 'remediating'],
  ['青山镇中心小学党支部', 'school', 'education', 'preliminary_acceptance'],
  ['县中医院第二党支部', 'hospital', 'health', 'planning'],
  ['河口镇卫生院党支部', 'hospital', 'health', 'county_acceptance'],
  ['县个体劳动者协会党支部', 'social_organization', 'nonPublic', 'remediating'],
  ['县物流行业协会党支部', 'social_organization', 'nonPublic', 'identified'],
];

/** Names under the township, as the ledger prints them: 青山镇石桥村党支部; enterprises and agencies by their own name. */
function fullName(name: string, committee: DemoCommittee, domain: OrgDomain): string {
  return domain === 'rural' || domain === 'community' ? `${committee.township}${name}` : name;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = ORGANIZATIONS.map(([name, domain, committeeKey, target, options = {}], index) => {
  const committee = DEMO_COMMITTEES[committeeKey];
  const code = `sfx-${String(index + 1).padStart(3, '0')}`;
  const isKeyVillage = !!options.key;
  return {
    code,
    name: fullName(name, committee, domain),
    domain,
    committee: committeeKey,
    ...(isKeyVillage ? { isKeyVillage } : {}),
    source: options.source ?? 'screening',
    secretary: { personId: `demo-sj-${code}`, name: SECRETARY_NAMES[index % SECRETARY_NAMES.length] },
    problems: problemsFor(domain, index),
    team: teamFor(domain, committee, index, isKeyVillage, code),
    target,
  };
});

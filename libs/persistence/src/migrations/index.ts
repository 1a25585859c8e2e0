import { Init1795361684780 } from './1795361684780-Init';
import { AuditAppendOnlyAndPersonIndex1795361684781 } from './1795361684781-AuditAppendOnlyAndPersonIndex';
import { ApiQueryIndexes1795361684782 } from './1795361684782-ApiQueryIndexes';
import { CampaignImports1795363356448 } from './1795363356448-CampaignImports';
import { CaseSatisfactionColumns1795365657793 } from './1795365657793-CaseSatisfactionColumns';
import { IdempotencyClaimLease1795369184210 } from './1795369184210-IdempotencyClaimLease';
import { CaseDashboardCounters1795369300000 } from './1795369300000-CaseDashboardCounters';
import { AuditAppendFunction1795370000000 } from './1795370000000-AuditAppendFunction';
import { NotificationLeasesAndContacts1795440000000 } from './1795440000000-NotificationLeasesAndContacts';
import { RateLimitBuckets1795410000000 } from './1795410000000-RateLimitBuckets';
import { AuditRolesCheckpointsAndCaseKeys1795420000000 } from './1795420000000-AuditRolesCheckpointsAndCaseKeys';
import { CampaignNotices1795450000000 } from './1795450000000-CampaignNotices';
import { CommitteeDecisions1795450000001 } from './1795450000001-CommitteeDecisions';
import { CaseProposalsIndex1795450000002 } from './1795450000002-CaseProposalsIndex';
import { NotificationInboxAndRobots1795460000000 } from './1795460000000-NotificationInboxAndRobots';
import { CampaignReelection1795460000010 } from './1795460000010-CampaignReelection';
import { CaseTodoCandidatesIndex1795460000020 } from './1795460000020-CaseTodoCandidatesIndex';
import { CaseMeasuresReported1795460000030 } from './1795460000030-CaseMeasuresReported';
import { HolidayArrangements1795460000040 } from './1795460000040-HolidayArrangements';
import { SpotChecks1795460000050 } from './1795460000050-SpotChecks';
import { PublicSignalSources1795460000060 } from './1795460000060-PublicSignalSources';
import { CaseDashboardMeasureCounters1795460000070 } from './1795460000070-CaseDashboardMeasureCounters';
import { CaseAwaitingCounters1795460000080 } from './1795460000080-CaseAwaitingCounters';
import { CaseCommitteeTodos1795460000090 } from './1795460000090-CaseCommitteeTodos';
import { CaseListOrderIndexes1795460000100 } from './1795460000100-CaseListOrderIndexes';

/** Every migration, in order. Generated ones come from `nx run persistence:migration-generate --name=X`. */
export const MIGRATIONS = [Init1795361684780, AuditAppendOnlyAndPersonIndex1795361684781, ApiQueryIndexes1795361684782, CampaignImports1795363356448, CaseSatisfactionColumns1795365657793, IdempotencyClaimLease1795369184210, CaseDashboardCounters1795369300000, AuditAppendFunction1795370000000, RateLimitBuckets1795410000000, AuditRolesCheckpointsAndCaseKeys1795420000000, NotificationLeasesAndContacts1795440000000, CampaignNotices1795450000000, CommitteeDecisions1795450000001, CaseProposalsIndex1795450000002, NotificationInboxAndRobots1795460000000, CampaignReelection1795460000010, CaseTodoCandidatesIndex1795460000020, CaseMeasuresReported1795460000030, HolidayArrangements1795460000040, SpotChecks1795460000050, PublicSignalSources1795460000060, CaseDashboardMeasureCounters1795460000070, CaseAwaitingCounters1795460000080, CaseCommitteeTodos1795460000090, CaseListOrderIndexes1795460000100];

/**
 * Custom search attributes of a case, for the Temporal UI and `temporal workflow list --query`.
 * Workflow-safe (only @temporalio/common). The same list registers them on a cluster and is passed
 * to the dev server as `--search-attribute` flags.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CASE_STAGE = defineSearchAttributeKey('ZdStage', SearchAttributeType.KEYWORD);
export const CASE_DOMAIN = defineSearchAttributeKey('ZdDomain', SearchAttributeType.KEYWORD);
export const CASE_TOWNSHIP = defineSearchAttributeKey('ZdTownship', SearchAttributeType.KEYWORD);
export const CASE_CAMPAIGN = defineSearchAttributeKey('ZdCampaign', SearchAttributeType.KEYWORD);
export const CASE_OVERDUE = defineSearchAttributeKey('ZdOverdue', SearchAttributeType.BOOL);
export const CASE_ESCALATION_LEVEL = defineSearchAttributeKey('ZdEscalationLevel', SearchAttributeType.INT);

export const CASE_SEARCH_ATTRIBUTES = [CASE_STAGE, CASE_DOMAIN, CASE_TOWNSHIP, CASE_CAMPAIGN, CASE_OVERDUE, CASE_ESCALATION_LEVEL];

/** Names and types as the CLI spells them: `ZdStage=Keyword`. */
export const SEARCH_ATTRIBUTE_FLAGS: Record<string, 'Keyword' | 'Bool' | 'Int'> = {
  ZdStage: 'Keyword',
  ZdDomain: 'Keyword',
  ZdTownship: 'Keyword',
  ZdCampaign: 'Keyword',
  ZdOverdue: 'Bool',
  ZdEscalationLevel: 'Int',
};

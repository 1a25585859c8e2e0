/** Every activity the worker registers, built from its dependencies: the one place the worker app and the tests assemble them. */
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { CaseClient } from '@zhengdun/temporal';
import type { CalendarActivities, CampaignActivities, CaseActivities, ImportActivities, RolloverActivities } from '@zhengdun/workflows';
import type { WorkingDayCalendar } from './calendar/working-day-calendar';
import { createCampaignActivities } from './campaign.activities';
import { createCaseActivities } from './case.activities';
import { createImportActivities } from './import.activities';
import { createRolloverActivities } from './rollover.activities';

export interface WorkerActivityDeps {
  dataSource: DataSource;
  /** For the activities that start or signal workflows (imports, rollover, campaign end). */
  client: Client;
  /** Task queue the cases run on. */
  taskQueue: string;
  calendar?: WorkingDayCalendar;
}

export type WorkerActivities = CaseActivities & CalendarActivities & RolloverActivities & CampaignActivities & ImportActivities;

export function createWorkerActivities(deps: WorkerActivityDeps): WorkerActivities {
  const cases = new CaseClient(deps.client, deps.taskQueue);
  return {
    ...createCaseActivities(deps.dataSource, deps.calendar),
    ...createRolloverActivities(cases),
    ...createCampaignActivities({ dataSource: deps.dataSource, client: deps.client, calendar: deps.calendar }),
    ...createImportActivities({ dataSource: deps.dataSource, cases, client: deps.client }),
  };
}

/** Every activity the worker registers, built from its dependencies: the one place the worker app and the tests assemble them. */
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { CaseClient } from '@zhengdun/temporal';
import type { CalendarActivities, CampaignActivities, CaseActivities, ImportActivities, RolloverActivities } from '@zhengdun/workflows';
import { HolidayArrangementRepository } from '@zhengdun/persistence';
import { enteredHolidayCalendar } from './calendar/entered-holiday-calendar';
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
}

export type WorkerActivities = CaseActivities & CalendarActivities & RolloverActivities & CampaignActivities & ImportActivities;

export function createWorkerActivities(deps: WorkerActivityDeps): WorkerActivities {
  const cases = new CaseClient(deps.client, deps.taskQueue);
  // One calendar for both: the county's entries are read once per refresh, not once per activity set.
  const calendar = enteredHolidayCalendar(new HolidayArrangementRepository(deps.dataSource));
  return {
    ...createCaseActivities(deps.dataSource, calendar),
    ...createRolloverActivities(cases),
    ...createCampaignActivities({ dataSource: deps.dataSource, client: deps.client, calendar }),
    ...createImportActivities({ dataSource: deps.dataSource, cases, client: deps.client }),
  };
}

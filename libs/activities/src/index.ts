export * from './case.activities';
export * from './calendar/working-day-calendar';
export * from './campaign.activities';
export * from './campaign-notices';
export * from './import.activities';
export * from './rollover.activities';
export * from './worker.activities';
export { forEachLimit } from './concurrency';
export * from './calendar/entered-holiday-calendar';

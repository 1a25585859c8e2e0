export * from './case.activities';
export * from './calendar/working-day-calendar';

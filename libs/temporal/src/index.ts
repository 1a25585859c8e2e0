export * from './connection';
export * from './bundle';
export * from './dev-server';
export * from './worker';
export * from './case-client';
export * from './case.exception';

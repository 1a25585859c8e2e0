export * from './config';
export * from './dev-jwt-secret';
export * from './upload-limits.config';

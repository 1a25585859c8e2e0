export * from './config';
export * from './upload-limits.config';

export * from './config';
export * from './dev-jwt-secret';

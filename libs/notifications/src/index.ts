export * from './notification-channel';
export * from './webhook-channel';
export * from './email-channel';
export * from './log-channel';
export * from './recipient-directory';
export * from './notification-dispatcher';
export * from './channels';

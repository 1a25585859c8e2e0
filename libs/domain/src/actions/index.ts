export * from './payloads';
export * from './definition';
export * from './fields';
export * from './registry';
export * from './authorize';
export * from './field-labels';

/** Injection tokens for what createApiApp hands to the Nest container. */
export const API_CONFIG = Symbol('API_CONFIG');
export const API_OPTIONS = Symbol('API_OPTIONS');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

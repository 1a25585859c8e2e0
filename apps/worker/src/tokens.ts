export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const LOGGER = Symbol('LOGGER');
/** A Temporal client for the activities that start or signal workflows (imports, rollover, campaign end). */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

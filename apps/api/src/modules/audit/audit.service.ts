// The audit trail is the API's shared machinery (core/audit): this path remains only for the case
// module's imports until they point there.
export * from '../../core/audit/audit.service';

import { Init1795361684780 } from './1795361684780-Init';
import { AuditAppendOnlyAndPersonIndex1795361684781 } from './1795361684781-AuditAppendOnlyAndPersonIndex';

/** Every migration, in order. Generated ones come from `nx run persistence:migration-generate --name=X`. */
export const MIGRATIONS = [Init1795361684780, AuditAppendOnlyAndPersonIndex1795361684781];

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OpenCaseInput } from '@zhengdun/domain';

export type ImportRowStatus = 'pending' | 'started' | 'already_exists' | 'failed';

/** One organization of an import: the case to open, and what became of it. Keyed by the spreadsheet row it starts on. */
@Entity({ name: 'import_row' })
@Index('idx_import_row_pending', ['importId', 'rowNo'], { where: `status = 'pending'` })
export class ImportRowEntity {
  @PrimaryColumn({ name: 'import_id', type: 'text' })
  importId!: string;

  /** The 1-based spreadsheet row of the organization's first line. */
  @PrimaryColumn({ name: 'row_no', type: 'int' })
  rowNo!: number;

  @Column({ name: 'org_code', type: 'text' })
  orgCode!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'jsonb' })
  input!: OpenCaseInput;

  @Column({ type: 'text', default: 'pending' })
  status!: ImportRowStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** When a start was first tried: tells our own earlier start from a case that existed before. */
  @Column({ name: 'first_attempt_at', type: 'timestamptz', nullable: true })
  firstAttemptAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

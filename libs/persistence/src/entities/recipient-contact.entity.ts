import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The county's recipient directory: how a notification's recipient is reached. `recipient` is
 * `person:<personId>` (the id the case's org secretary and team members carry) or
 * `role:<role>:<scope>` (a role's mailbox for a scope, e.g. `role:township_committee:示范县青山镇`).
 * Kept apart from the case state on purpose: contact details are not part of the workflow history.
 */
@Entity({ name: 'recipient_contact' })
export class RecipientContactEntity {
  @PrimaryColumn({ type: 'text' })
  county!: string;

  @PrimaryColumn({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

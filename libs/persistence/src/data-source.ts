/**
 * The one DataSource definition, used by the apps, the tests and the TypeORM CLI
 * (`nx run persistence:migration-generate --name=X`). Schema changes go through migrations only.
 */
import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AuditCheckpointEntity } from './entities/audit-checkpoint.entity';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { CampaignEntity } from './entities/campaign.entity';
import { CampaignNoticeEntity } from './entities/campaign-notice.entity';
import { CommitteeDecisionEntity } from './entities/committee-decision.entity';
import { CaseEventEntity } from './entities/case-event.entity';
import { CaseRecordEntity } from './entities/case-record.entity';
import { IdempotencyRecordEntity } from './entities/idempotency-record.entity';
import { ImportJobEntity } from './entities/import-job.entity';
import { ImportRowEntity } from './entities/import-row.entity';
import { NotificationEntity } from './entities/notification.entity';
import { RecipientContactEntity } from './entities/recipient-contact.entity';
import { NotificationReadEntity } from './entities/notification-read.entity';
import { NotificationRobotEntity } from './entities/notification-robot.entity';
import { HolidayArrangementEntity } from './entities/holiday-arrangement.entity';
import { SpotCheckEntity, SpotCheckResultEntity } from './entities/spot-check.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  CaseRecordEntity,
  CaseEventEntity,
  NotificationEntity,
  AuditEntryEntity,
  AuditCheckpointEntity,
  IdempotencyRecordEntity,
  CampaignEntity,
  ImportJobEntity,
  ImportRowEntity,
  RecipientContactEntity,
  CampaignNoticeEntity,
  CommitteeDecisionEntity,
  NotificationReadEntity,
  NotificationRobotEntity,
  HolidayArrangementEntity,
  SpotCheckEntity,
  SpotCheckResultEntity,
];

export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: { max: 20, connectionTimeoutMillis: 5000 },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}

/** A database role name as DATABASE_APP_ROLE accepts it (also safe inside a startup option). */
export const DATABASE_ROLE_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Options that make every connection act as `appRole` (the startup parameter `role`, i.e. SET ROLE
 * before the first query): the application's privileges, not the login's. Merge into `extra`.
 */
export function actingAsRole(appRole: string | undefined): { options?: string } {
  if (appRole === undefined) return {};
  if (!DATABASE_ROLE_PATTERN.test(appRole)) throw new Error(`not a database role name: ${appRole}`);
  return { options: `-c role=${appRole}` };
}

/** Applies pending migrations; safe to run from several processes (TypeORM takes a lock per run). */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = createDataSource(url, { migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

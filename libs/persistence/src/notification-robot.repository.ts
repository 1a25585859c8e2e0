/** The counties' work-chat group robots (notification_robot): written by the county department, read by the dispatcher. */
import type { DataSource } from 'typeorm';
import type { RobotProvider } from './entities/notification-robot.entity';

export interface RobotSettings {
  provider: RobotProvider;
  webhookUrl: string;
  /** DingTalk 加签 secret; null when the robot has none (and always for WeCom). */
  secret: string | null;
  /** The platform's address the messages link to, e.g. https://zhengdun.county.gov.cn */
  siteUrl: string;
  updatedBy: string;
  updatedAt: string;
}

/** What a robot message may say about the case: the organization, as the county's staff see it on its page. */
export interface RobotCaseContext {
  orgName: string;
  township: string;
}

export class NotificationRobotRepository {
  constructor(private readonly dataSource: DataSource) {}

  async forCounty(county: string): Promise<RobotSettings[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT provider, webhook_url, secret, site_url, updated_by, updated_at FROM notification_robot WHERE county = $1 ORDER BY provider`,
      [county],
    );
    return rows.map((row) => ({
      provider: row.provider as RobotProvider,
      webhookUrl: String(row.webhook_url),
      secret: (row.secret as string | null) ?? null,
      siteUrl: String(row.site_url),
      updatedBy: String(row.updated_by),
      updatedAt: new Date(row.updated_at as string).toISOString(),
    }));
  }

  async find(county: string, provider: RobotProvider): Promise<RobotSettings | undefined> {
    return (await this.forCounty(county)).find((robot) => robot.provider === provider);
  }

  /**
   * Sets one county's robots in one transaction: `save` adds or replaces a provider's robot (a
   * DingTalk secret left undefined keeps the stored one; null removes it), `remove` deletes one;
   * `siteUrl` applies to all the county's robots.
   */
  async save(
    county: string,
    change: { siteUrl: string; save: { provider: RobotProvider; webhookUrl: string; secret?: string | null }[]; remove: RobotProvider[] },
    updatedBy: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const robot of change.save) {
        await manager.query(
          `INSERT INTO notification_robot (county, provider, webhook_url, secret, site_url, updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, now())
           ON CONFLICT (county, provider) DO UPDATE
             SET webhook_url = EXCLUDED.webhook_url,
                 secret = CASE WHEN $7::boolean THEN notification_robot.secret ELSE EXCLUDED.secret END,
                 site_url = EXCLUDED.site_url, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [county, robot.provider, robot.webhookUrl, robot.secret ?? null, change.siteUrl, updatedBy, robot.secret === undefined],
        );
      }
      if (change.remove.length > 0) {
        await manager.query(`DELETE FROM notification_robot WHERE county = $1 AND provider = ANY($2::text[])`, [county, change.remove]);
      }
      await manager.query(`UPDATE notification_robot SET site_url = $2, updated_by = $3, updated_at = now() WHERE county = $1`, [county, change.siteUrl, updatedBy]);
    });
  }

  /** The organization a case's notification is about; undefined for a campaign's (or an unknown case). */
  async caseContext(caseId: string): Promise<RobotCaseContext | undefined> {
    const [row]: { org_name: string; township: string }[] = await this.dataSource.query(`SELECT org_name, township FROM case_record WHERE case_id = $1`, [caseId]);
    return row ? { orgName: row.org_name, township: row.township } : undefined;
  }
}

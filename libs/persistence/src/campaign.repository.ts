/** Campaigns (整顿批次): one county's round of rectification with its end date and policy. */
import type { DataSource } from 'typeorm';
import type { CampaignPolicy, Reelection } from '@zhengdun/domain';
import { CampaignEntity } from './entities/campaign.entity';

export interface NewCampaign {
  id: string;
  name: string;
  county: string;
  endsAt: Date;
  policy: CampaignPolicy;
  reelection?: Reelection | null;
  createdBy: string;
}

export class CampaignRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(campaign: NewCampaign): Promise<CampaignEntity> {
    const repository = this.dataSource.getRepository(CampaignEntity);
    await repository.insert(campaign);
    return (await this.findById(campaign.id))!;
  }

  findById(id: string): Promise<CampaignEntity | null> {
    return this.dataSource.getRepository(CampaignEntity).findOne({ where: { id } });
  }

  findByCounty(county: string): Promise<CampaignEntity[]> {
    return this.dataSource.getRepository(CampaignEntity).find({ where: { county }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** The end dates of the campaigns still running at `now` (every county's: the holiday arrangement is national). */
  async endDatesFrom(now: Date): Promise<Date[]> {
    const rows: { ends_at: Date }[] = await this.dataSource.query(`SELECT DISTINCT ends_at FROM campaign WHERE ends_at >= $1`, [now]);
    return rows.map((row) => new Date(row.ends_at));
  }
}

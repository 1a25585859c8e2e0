import { CodedException } from '../../core/errors/coded.exception';

export type CampaignExceptionCode = 'campaign_not_found' | 'invalid_policy' | 'ends_in_past';

export class CampaignException extends CodedException<CampaignExceptionCode> {
  override readonly name = 'CampaignException';

  static notFound(id: string): CampaignException {
    return new CampaignException('campaign_not_found', `整顿批次 ${id} 不存在`, `campaign ${id} not found`);
  }
}

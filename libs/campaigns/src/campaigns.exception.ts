/**
 * Errors of the campaigns module, with stable codes for the API to map (e.g. invalid_file → 422,
 * *_not_found → 404); messages in Chinese for the user and in English beside them.
 */
export type CampaignsExceptionCode = 'invalid_file' | 'file_too_large' | 'ledger_too_large' | 'invalid_campaign' | 'import_not_found' | 'campaign_not_found';

export class CampaignsException extends Error {
  override readonly name = 'CampaignsException';
  constructor(
    readonly code: CampaignsExceptionCode,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${messageZh} (${messageEn})`);
  }

  static invalidFile(reasonZh: string, reasonEn: string): CampaignsException {
    return new CampaignsException('invalid_file', reasonZh, reasonEn);
  }

  /** Over an upload limit (uncompressed size, compression ratio, rows, cells); details name the limit. */
  static fileTooLarge(reasonZh: string, reasonEn: string, details: { limit: string; max?: number }): CampaignsException {
    return new CampaignsException('file_too_large', reasonZh, reasonEn, details);
  }

  /** A ledger export over the per-request bound: the caller narrows it down (township, domain, campaign). */
  static ledgerTooLarge(max: number): CampaignsException {
    return new CampaignsException(
      'ledger_too_large',
      `所选范围内的整顿对象超过单次导出上限（${max} 个）；请按整顿批次、乡镇或领域筛选后分别导出`,
      `the selection holds more than the ${max} cases one export may hold; filter by campaign, township or domain`,
      { limit: 'cases', max },
    );
  }
}

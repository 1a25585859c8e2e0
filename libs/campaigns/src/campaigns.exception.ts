/**
 * Errors of the campaigns module, with stable codes for the API to map (e.g. invalid_file → 422,
 * *_not_found → 404); messages in Chinese for the user and in English beside them.
 */
export type CampaignsExceptionCode = 'invalid_file' | 'invalid_campaign' | 'import_not_found' | 'campaign_not_found';

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
}

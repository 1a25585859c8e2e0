import { CodedError, type StatusTable } from '@zhengdun/domain';

/**
 * Errors of the campaigns library, with stable codes and their HTTP status (CAMPAIGNS_EXCEPTION_STATUS);
 * messages in Chinese for the user and in English beside them.
 */
export type CampaignsExceptionCode = 'invalid_file' | 'file_too_large' | 'ledger_too_large' | 'invalid_campaign' | 'import_not_found' | 'campaign_not_found';

/** A file's refusals name the upload's `file` field when the error itself names none. */
export const CAMPAIGNS_EXCEPTION_STATUS: StatusTable<CampaignsExceptionCode> = {
  invalid_file: { status: 400, field: 'file' },
  file_too_large: { status: 413, field: 'file' },
  // The caller narrows the selection down and asks again.
  ledger_too_large: 422,
  invalid_campaign: 400,
  import_not_found: 404,
  campaign_not_found: 404,
};

export class CampaignsException extends CodedError<CampaignsExceptionCode> {
  override readonly name = 'CampaignsException';

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

import { CodedError, type StatusTable } from '@zhengdun/domain';

export type CampaignRequestExceptionCode =
  | 'campaign_not_found'
  | 'invalid_policy'
  | 'ends_in_past'
  | 'file_too_large'
  | 'invalid_upload'
  | 'notice_not_found'
  | 'unknown_township'
  | 'grade_not_proposed'
  | 'nothing_to_sample'
  | 'spot_check_exists'
  | 'spot_check_not_found'
  | 'not_in_sample'
  | 'already_rechecked';

export const CAMPAIGN_REQUEST_EXCEPTION_STATUS: StatusTable<CampaignRequestExceptionCode> = {
  campaign_not_found: 404,
  invalid_policy: 400,
  ends_in_past: 400,
  // The campaigns library answers its own file_too_large the same way (merged tables must agree).
  file_too_large: { status: 413, field: 'file' },
  invalid_upload: 400,
  notice_not_found: 404,
  unknown_township: 422,
  // Only the grade now proposed can be decided: the next one waits until this one is.
  grade_not_proposed: 409,
  nothing_to_sample: 422,
  // One sample per township and stage: drawing again until a convenient one comes up is what a recorded draw prevents.
  spot_check_exists: 409,
  spot_check_not_found: 404,
  not_in_sample: 422,
  already_rechecked: 409,
};

/** A request to the campaigns API refused before the campaigns library sees it. */
export class CampaignRequestException extends CodedError<CampaignRequestExceptionCode> {
  override readonly name = 'CampaignRequestException';

  static notFound(id: string): CampaignRequestException {
    return new CampaignRequestException('campaign_not_found', `整顿批次 ${id} 不存在`, `campaign ${id} not found`);
  }

  static noticeNotFound(campaignId: string, number: number): CampaignRequestException {
    return new CampaignRequestException('notice_not_found', `整顿批次 ${campaignId} 没有第${number}期通报`, `campaign ${campaignId} has no notice ${number}`);
  }

  /** A criticism (at `index`) or a spot-check (no index) naming a township that has no organization in the campaign. */
  static unknownTownship(township: string, index: number | undefined): CampaignRequestException {
    return new CampaignRequestException(
      'unknown_township',
      index === undefined ? `本批次没有“${township}”的整顿对象，无从抽查` : `本批次没有“${township}”的整顿对象，不能对其通报批评`,
      `no organization of ${township} in this campaign`,
      { field: index === undefined ? 'township' : `criticisms[${index}].township` },
    );
  }

  static nothingToSample(township: string, stageLabel: string): CampaignRequestException {
    return new CampaignRequestException('nothing_to_sample', `${township}尚无${stageLabel}结果，暂无可抽查的整顿对象`, `${township} has no ${stageLabel} results to sample yet`, {
      field: 'stage',
    });
  }

  static spotCheckExists(township: string, stageLabel: string): CampaignRequestException {
    return new CampaignRequestException('spot_check_exists', `本批次已对${township}的${stageLabel}结果抽取过样本，不能重新抽取`, `a sample of ${township}'s ${stageLabel} results was already drawn`, {
      field: 'township',
    });
  }

  static spotCheckNotFound(campaignId: string, id: number): CampaignRequestException {
    return new CampaignRequestException('spot_check_not_found', `整顿批次 ${campaignId} 没有编号为 ${id} 的抽查`, `campaign ${campaignId} has no spot-check ${id}`);
  }

  static notInSample(caseId: string): CampaignRequestException {
    return new CampaignRequestException('not_in_sample', `${caseId} 不在本次抽查的样本中`, `${caseId} is not in this sample`, { field: 'caseId' });
  }

  static alreadyRechecked(caseId: string): CampaignRequestException {
    return new CampaignRequestException('already_rechecked', `${caseId} 已复核，复核结论不能更改`, `${caseId} was already re-checked`, { field: 'caseId' });
  }

  static gradeNotProposed(township: string, gradeLabel: string, proposedLabel: string | undefined): CampaignRequestException {
    return new CampaignRequestException(
      'grade_not_proposed',
      proposedLabel ? `${township}当前提请的是“${proposedLabel}”，不能对“${gradeLabel}”作出决定` : `${township}当前没有提请${gradeLabel}，不能作出决定`,
      `${gradeLabel} is not the grade proposed for ${township}`,
      { field: 'grade' },
    );
  }

  static fileTooLarge(limitBytes: number): CampaignRequestException {
    const mb = Math.round(limitBytes / 1024 / 1024);
    return new CampaignRequestException('file_too_large', `上传的文件过大（上限 ${mb} MB），请拆分后分批上传`, `the file is larger than the ${mb} MB limit`, {
      field: 'file',
    });
  }

  /** A multipart request that is malformed, lacks the `file` part or carries other parts. */
  static badUpload(reasonEn: string): CampaignRequestException {
    return new CampaignRequestException('invalid_upload', '请以 multipart/form-data 上传一个文件，字段名为 file', `upload one file in the multipart field "file" (${reasonEn})`, {
      field: 'file',
    });
  }

  /** A .csv with NUL bytes: not UTF-8 or GBK text (UTF-16, or binary), and Postgres cannot store NUL in a cell's text. */
  static notCsvText(fileName: string): CampaignRequestException {
    return new CampaignRequestException(
      'invalid_upload',
      `“${fileName}”含有空字符，不是 UTF-8 或 GBK 编码的 CSV 文本；请在 Excel 中另存为 .xlsx 或“CSV UTF-8”后上传`,
      `${fileName} contains NUL bytes: not a UTF-8 or GBK CSV text (save it as .xlsx or CSV UTF-8)`,
      { field: 'file' },
    );
  }

  static notSpreadsheet(fileName: string): CampaignRequestException {
    return new CampaignRequestException('invalid_upload', `“${fileName}”不是 .xlsx 或 .csv 表格文件，请使用摸排名单模板`, `${fileName} is not an .xlsx or .csv spreadsheet`, {
      field: 'file',
    });
  }
}

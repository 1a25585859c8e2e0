import { CodedException } from '../../core/errors/coded.exception';

export type CampaignExceptionCode = 'campaign_not_found' | 'invalid_policy' | 'ends_in_past' | 'file_too_large' | 'invalid_upload';

export class CampaignException extends CodedException<CampaignExceptionCode> {
  override readonly name = 'CampaignException';

  static notFound(id: string): CampaignException {
    return new CampaignException('campaign_not_found', `整顿批次 ${id} 不存在`, `campaign ${id} not found`);
  }

  static fileTooLarge(limitBytes: number): CampaignException {
    const mb = Math.round(limitBytes / 1024 / 1024);
    return new CampaignException('file_too_large', `上传的文件过大（上限 ${mb} MB），请拆分后分批上传`, `the file is larger than the ${mb} MB limit`, {
      field: 'file',
    });
  }

  /** A multipart request that is malformed, lacks the `file` part or carries other parts. */
  static badUpload(reasonEn: string): CampaignException {
    return new CampaignException('invalid_upload', '请以 multipart/form-data 上传一个文件，字段名为 file', `upload one file in the multipart field "file" (${reasonEn})`, {
      field: 'file',
    });
  }

  /** A .csv with NUL bytes: not UTF-8 or GBK text (UTF-16, or binary), and Postgres cannot store NUL in a cell's text. */
  static notCsvText(fileName: string): CampaignException {
    return new CampaignException(
      'invalid_upload',
      `“${fileName}”含有空字符，不是 UTF-8 或 GBK 编码的 CSV 文本；请在 Excel 中另存为 .xlsx 或“CSV UTF-8”后上传`,
      `${fileName} contains NUL bytes: not a UTF-8 or GBK CSV text (save it as .xlsx or CSV UTF-8)`,
      { field: 'file' },
    );
  }

  static notSpreadsheet(fileName: string): CampaignException {
    return new CampaignException('invalid_upload', `“${fileName}”不是 .xlsx 或 .csv 表格文件，请使用摸排名单模板`, `${fileName} is not an .xlsx or .csv spreadsheet`, {
      field: 'file',
    });
  }
}

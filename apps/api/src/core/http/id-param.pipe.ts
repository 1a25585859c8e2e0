import { Injectable, type PipeTransform } from '@nestjs/common';
import { RequestValidationException } from '../errors/request-validation.exception';
import { CAMPAIGN_ID, CASE_ID, IMPORT_ID } from './patterns';

abstract class PatternParamPipe implements PipeTransform<unknown, string> {
  protected abstract readonly name: string;
  protected abstract readonly pattern: RegExp;
  protected abstract readonly hintZh: string;
  protected abstract readonly hintEn: string;

  transform(value: unknown): string {
    if (typeof value !== 'string' || !this.pattern.test(value)) {
      throw RequestValidationException.field(this.name, `格式不正确，${this.hintZh}`, `malformed ${this.name}: ${this.hintEn}`);
    }
    return value;
  }
}

/** `:caseId` in a path: `case:<campaignId>:<orgCode>`. */
@Injectable()
export class CaseIdPipe extends PatternParamPipe {
  protected readonly name = 'caseId';
  protected readonly pattern = CASE_ID;
  protected readonly hintZh = '应为 case:<批次编号>:<组织代码>';
  protected readonly hintEn = 'expected case:<campaignId>:<orgCode>';
}

/** `:campaignId` in a path. */
@Injectable()
export class CampaignIdPipe extends PatternParamPipe {
  protected readonly name = 'campaignId';
  protected readonly pattern = CAMPAIGN_ID;
  protected readonly hintZh = '只能包含字母、数字、- 和 _';
  protected readonly hintEn = 'letters, digits, - and _ only';
}

/** `:importId` in a path: `<campaignId>:<sha256 of the file>`. */
@Injectable()
export class ImportIdPipe extends PatternParamPipe {
  protected readonly name = 'importId';
  protected readonly pattern = IMPORT_ID;
  protected readonly hintZh = '应为 <批次编号>:<文件 SHA-256>';
  protected readonly hintEn = 'expected <campaignId>:<sha256>';
}

abstract class WholeNumberParamPipe implements PipeTransform<unknown, number> {
  protected abstract readonly name: string;
  protected abstract readonly whatZh: string;

  transform(value: unknown): number {
    // The global pipe may already have turned the segment into a number (the handler declares one).
    const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
    if (!/^[1-9]\d{0,8}$/.test(text)) {
      throw RequestValidationException.field(this.name, `格式不正确，应为${this.whatZh}（从 1 起的整数）`, `malformed ${this.name}: a whole number from 1`);
    }
    return Number(text);
  }
}

/** `:number` of a campaign's notice (第N期). */
@Injectable()
export class NoticeNumberPipe extends WholeNumberParamPipe {
  protected readonly name = 'number';
  protected readonly whatZh = '通报期数';
}

/** `:spotCheckId` of a campaign's 抽查. */
@Injectable()
export class SpotCheckIdPipe extends WholeNumberParamPipe {
  protected readonly name = 'spotCheckId';
  protected readonly whatZh = '抽查编号';
}

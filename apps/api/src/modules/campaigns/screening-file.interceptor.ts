import { HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { CampaignException } from './campaigns.exception';

/** Largest screening list accepted (10 MB); larger uploads are answered 413. */
export const SCREENING_FILE_LIMIT_BYTES = 10 * 1024 * 1024;
export const SCREENING_FILE_FIELD = 'file';

/** The uploaded file as multer hands it over (memory storage). */
export interface UploadedSpreadsheet {
  buffer: Buffer;
  originalname: string;
  size: number;
  mimetype?: string;
}

const MulterFile = FileInterceptor(SCREENING_FILE_FIELD, {
  limits: { fileSize: SCREENING_FILE_LIMIT_BYTES, files: 1, fields: 10, parts: 12 },
  // Browsers and fetch send the file name as UTF-8 (摸排名单.xlsx), not Latin-1.
  defParamCharset: 'utf8',
} as Parameters<typeof FileInterceptor>[1]);

interface MulterCause {
  code?: string;
}

/**
 * Reads the one `file` part of a multipart/form-data upload into memory. Multer's refusals become
 * the module's own exceptions (413 file_too_large, 400 naming `file`), so ProblemFilter maps them.
 */
@Injectable()
export class ScreeningFileInterceptor implements NestInterceptor {
  private readonly multer = new MulterFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof HttpException) {
        const code = (error.cause as MulterCause | undefined)?.code;
        if (code === 'LIMIT_FILE_SIZE') throw CampaignException.fileTooLarge(SCREENING_FILE_LIMIT_BYTES);
        throw CampaignException.badUpload(error.message);
      }
      throw error;
    }
  }
}

import { HttpException, Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import type { AppConfig } from '@zhengdun/config';
import { markUploadRead } from '../../core/idempotency/uploaded-file';
import { API_CONFIG } from '../../core/infrastructure/injection-tokens';
import { CampaignRequestException } from './campaign-request.exception';

export const SCREENING_FILE_FIELD = 'file';

/** The uploaded file as multer hands it over (memory storage, at most SCREENING_MAX_FILE_BYTES). */
export interface UploadedSpreadsheet {
  buffer: Buffer;
  originalname: string;
  size: number;
  mimetype?: string;
}

interface MulterCause {
  code?: string;
}

/**
 * Reads the one `file` part of a multipart/form-data upload into memory, refusing a file over
 * SCREENING_MAX_FILE_BYTES as soon as that many bytes have arrived. Multer's refusals become the
 * module's own exceptions (413 file_too_large, 400 naming `file`), so ProblemFilter maps them.
 */
@Injectable()
export class ScreeningFileInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;
  private readonly maxFileBytes: number;

  constructor(@Inject(API_CONFIG) config: AppConfig) {
    this.maxFileBytes = config.uploads.maxFileBytes;
    const MulterFile = FileInterceptor(SCREENING_FILE_FIELD, {
      limits: { fileSize: this.maxFileBytes, files: 1, fields: 10, parts: 12 },
      // Browsers and fetch send the file name as UTF-8 (摸排名单.xlsx), not Latin-1.
      defParamCharset: 'utf8',
    } as Parameters<typeof FileInterceptor>[1]);
    this.multer = new MulterFile();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      // The file is read before the next interceptor (the Idempotency-Key's claim) runs, so its digest covers it.
      return await this.multer.intercept(context, { handle: () => (markUploadRead(context), next.handle()) });
    } catch (error) {
      if (error instanceof HttpException) {
        const code = (error.cause as MulterCause | undefined)?.code;
        if (code === 'LIMIT_FILE_SIZE') throw CampaignRequestException.fileTooLarge(this.maxFileBytes);
        throw CampaignRequestException.badUpload(error.message);
      }
      throw error;
    }
  }
}

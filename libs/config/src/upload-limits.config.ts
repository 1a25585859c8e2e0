/**
 * Limits on uploaded screening lists and on ledger exports (issue 16, finding 7): what one request
 * may make the API read, inflate, parse or write. Validated at start like every other variable; kept
 * in its own class so that the block stays apart from the rest of the configuration.
 */
import { plainToInstance, Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);

export interface UploadLimits {
  /** Bytes of the uploaded file itself (multipart part). */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes of an .xlsx's zip entries, from the central directory and checked while inflating. */
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of one zip entry (counted for entries over 1 MB uncompressed). */
  maxCompressionRatio: number;
  /** Rows of one sheet (or CSV records), header and blank lines included; reading stops at the first row over it. */
  maxRows: number;
  /** Non-empty cells read over the whole workbook or CSV. */
  maxCells: number;
}

export interface LedgerLimits {
  /** Cases in one ledger export; a larger scope is refused and asked to filter (township, domain, campaign). */
  maxCases: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxRows: 20_000,
  maxCells: 400_000,
};

export const DEFAULT_LEDGER_LIMITS: LedgerLimits = { maxCases: 5_000 };

const int = (name: string, min: number, max: number) => [
  IsOptional(),
  Transform(toInt),
  IsInt({ message: `${name} must be an integer` }),
  Min(min, { message: `${name} must be at least ${min}` }),
  Max(max, { message: `${name} must be at most ${max}` }),
];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((decorator) => decorator(target, key));

export class UploadLimitVariables {
  @apply(int('SCREENING_MAX_FILE_BYTES', 1024, 100 * 1024 * 1024))
  SCREENING_MAX_FILE_BYTES?: number;

  @apply(int('SCREENING_MAX_UNCOMPRESSED_BYTES', 64 * 1024, 1024 * 1024 * 1024))
  SCREENING_MAX_UNCOMPRESSED_BYTES?: number;

  @apply(int('SCREENING_MAX_COMPRESSION_RATIO', 10, 10_000))
  SCREENING_MAX_COMPRESSION_RATIO?: number;

  @apply(int('SCREENING_MAX_ROWS', 10, 1_000_000))
  SCREENING_MAX_ROWS?: number;

  @apply(int('SCREENING_MAX_CELLS', 100, 50_000_000))
  SCREENING_MAX_CELLS?: number;

  @apply(int('LEDGER_MAX_CASES', 1, 1_000_000))
  LEDGER_MAX_CASES?: number;
}

/** The limits, or the lines naming each wrong variable (joined into ConfigError by loadConfig). */
export function readUploadLimits(env: NodeJS.ProcessEnv): { uploads: UploadLimits; ledger: LedgerLimits } | { errors: string[] } {
  const vars = plainToInstance(UploadLimitVariables, {
    SCREENING_MAX_FILE_BYTES: env.SCREENING_MAX_FILE_BYTES,
    SCREENING_MAX_UNCOMPRESSED_BYTES: env.SCREENING_MAX_UNCOMPRESSED_BYTES,
    SCREENING_MAX_COMPRESSION_RATIO: env.SCREENING_MAX_COMPRESSION_RATIO,
    SCREENING_MAX_ROWS: env.SCREENING_MAX_ROWS,
    SCREENING_MAX_CELLS: env.SCREENING_MAX_CELLS,
    LEDGER_MAX_CASES: env.LEDGER_MAX_CASES,
  });
  const errors = validateSync(vars);
  if (errors.length > 0) return { errors: errors.map((error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`) };
  return {
    uploads: {
      maxFileBytes: vars.SCREENING_MAX_FILE_BYTES ?? DEFAULT_UPLOAD_LIMITS.maxFileBytes,
      maxUncompressedBytes: vars.SCREENING_MAX_UNCOMPRESSED_BYTES ?? DEFAULT_UPLOAD_LIMITS.maxUncompressedBytes,
      maxCompressionRatio: vars.SCREENING_MAX_COMPRESSION_RATIO ?? DEFAULT_UPLOAD_LIMITS.maxCompressionRatio,
      maxRows: vars.SCREENING_MAX_ROWS ?? DEFAULT_UPLOAD_LIMITS.maxRows,
      maxCells: vars.SCREENING_MAX_CELLS ?? DEFAULT_UPLOAD_LIMITS.maxCells,
    },
    ledger: { maxCases: vars.LEDGER_MAX_CASES ?? DEFAULT_LEDGER_LIMITS.maxCases },
  };
}

/** Reading and checking an uploaded screening list (摸排名单) in one call. */
import { readScreeningSheet, type ScreeningFileFormat, type ScreeningReadLimits } from './screening-parser';
import { validateScreeningSheet, type ScreeningContext, type ScreeningResult } from './screening-validator';

/**
 * Parses an .xlsx or .csv screening list and validates every row. Throws CampaignsException
 * 'invalid_file' when the file cannot be read at all,
 * 'file_too_large' when it is over a limit (uncompressed size, rows, cells); row problems come back in `issues`.
 */
export async function parseScreeningList(
  content: Buffer,
  context: ScreeningContext,
  options: { fileName?: string; format?: ScreeningFileFormat; limits?: ScreeningReadLimits } = {},
): Promise<ScreeningResult> {
  return validateScreeningSheet(await readScreeningSheet(content, options), context);
}

/**
 * Checks an .xlsx (a zip archive) before any spreadsheet library inflates it, so that a zip bomb is
 * refused instead of filling the memory of the process that reads it:
 *
 * 1. The central directory is read (no inflating): the sum of the declared uncompressed sizes and
 *    each entry's compression ratio must stay under the limits; zip64, multi-disk, encrypted and
 *    unknown compression methods are refused.
 * 2. The entries must tile the file exactly, local headers agreeing with the directory, so that a
 *    reader walking the local headers in order (exceljs's streaming reader does) sees the same
 *    entries as were counted — no entry hidden between two listed ones.
 * 3. Every entry is inflated once as a stream, counting bytes and discarding them, and stopped at the
 *    first byte over its declared size: a directory that lies about sizes is caught after at most
 *    the declared total has been inflated. zlib works on the thread pool, so the event loop stays free.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { CampaignsException } from '../campaigns.exception';

export interface XlsxArchiveLimits {
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
}

export interface ZipDirectoryEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const DATA_DESCRIPTOR_SIGNATURE = 0x08074b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK_32 = 0xffffffff;
const ZIP64_MARK_16 = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
/** Small entries may compress very well (a styles part of repeated tags) without being a threat. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** An .xlsx holds tens of parts; thousands are a CPU trap, not a spreadsheet. */
const MAX_ENTRIES = 2_000;

const unreadable = (en: string) => CampaignsException.invalidFile('无法读取该 .xlsx 文件，请确认文件未损坏', `the .xlsx file cannot be read (${en})`);

function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

export function uncompressedTooLarge(declared: number, limit: number): CampaignsException {
  return CampaignsException.fileTooLarge(
    `该 .xlsx 文件解压后过大（${mb(declared)}，上限 ${mb(limit)}），请删除多余的工作表、图片或空行后重新上传，或拆分为多个文件`,
    `the .xlsx file inflates to ${mb(declared)}, over the ${mb(limit)} limit`,
    { limit: 'uncompressedBytes', max: limit },
  );
}

/** Reads the central directory: no byte of any entry is inflated. */
export function readZipDirectory(content: Buffer): { entries: ZipDirectoryEntry[]; directoryOffset: number } {
  let eocd = -1;
  for (let at = content.length - EOCD_SIZE; at >= Math.max(0, content.length - EOCD_SIZE - MAX_COMMENT); at--) {
    if (content.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw unreadable('no end of central directory');
  const disk = content.readUInt16LE(eocd + 4);
  const directoryDisk = content.readUInt16LE(eocd + 6);
  const count = content.readUInt16LE(eocd + 10);
  const directorySize = content.readUInt32LE(eocd + 12);
  const directoryOffset = content.readUInt32LE(eocd + 16);
  if (count === ZIP64_MARK_16 || directorySize === ZIP64_MARK_32 || directoryOffset === ZIP64_MARK_32) {
    throw CampaignsException.fileTooLarge('该 .xlsx 文件是 ZIP64 格式（解压后超过 4 GB），不予受理', 'ZIP64 archives (over 4 GB inflated) are not accepted', {
      limit: 'uncompressedBytes',
    });
  }
  if (disk !== 0 || directoryDisk !== 0) throw unreadable('multi-disk archive');
  if (count > MAX_ENTRIES) throw unreadable(`${count} entries`);
  if (directoryOffset + directorySize > eocd) throw unreadable('central directory out of bounds');

  const entries: ZipDirectoryEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_HEADER_SIZE > eocd || content.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) throw unreadable('bad central directory header');
    const flags = content.readUInt16LE(at + 8);
    const method = content.readUInt16LE(at + 10);
    const compressedSize = content.readUInt32LE(at + 20);
    const uncompressedSize = content.readUInt32LE(at + 24);
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    const localHeaderOffset = content.readUInt32LE(at + 42);
    if (compressedSize === ZIP64_MARK_32 || uncompressedSize === ZIP64_MARK_32 || localHeaderOffset === ZIP64_MARK_32) {
      throw CampaignsException.fileTooLarge('该 .xlsx 文件是 ZIP64 格式（解压后超过 4 GB），不予受理', 'ZIP64 archives (over 4 GB inflated) are not accepted', {
        limit: 'uncompressedBytes',
      });
    }
    const end = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
    if (end > eocd) throw unreadable('central directory header out of bounds');
    const name = content.toString('utf8', at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    at = end;
  }
  return { entries, directoryOffset };
}

/** Steps 1 and 2: sizes, ratios and layout from the directory and local headers alone. */
export function checkZipDirectory(content: Buffer, limits: XlsxArchiveLimits): ZipDirectoryEntry[] {
  const { entries, directoryOffset } = readZipDirectory(content);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxCompressionRatio) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
      throw CampaignsException.fileTooLarge(
        `该 .xlsx 文件中“${entry.name.slice(0, 64)}”的压缩比异常（${ratio}:1，上限 ${limits.maxCompressionRatio}:1），疑似压缩炸弹，不予受理`,
        `entry ${entry.name.slice(0, 64)} has a compression ratio of ${ratio}:1, over the ${limits.maxCompressionRatio}:1 limit (a zip bomb)`,
        { limit: 'compressionRatio', max: limits.maxCompressionRatio },
      );
    }
  }
  if (total > limits.maxUncompressedBytes) throw uncompressedTooLarge(total, limits.maxUncompressedBytes);
  for (const entry of entries) {
    if (entry.flags & FLAG_ENCRYPTED) throw CampaignsException.invalidFile('该 .xlsx 文件已加密，请取消密码保护后上传', 'the .xlsx file is encrypted');
    if (entry.method !== 0 && entry.method !== 8) throw unreadable(`compression method ${entry.method}`);
  }
  checkLayout(content, entries, directoryOffset);
  return entries;
}

/** Where an entry's data starts, after its local header. */
function dataStart(content: Buffer, entry: ZipDirectoryEntry): number {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > content.length || content.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE) throw unreadable('bad local header');
  const method = content.readUInt16LE(at + 8);
  const flags = content.readUInt16LE(at + 6);
  const nameLength = content.readUInt16LE(at + 26);
  const extraLength = content.readUInt16LE(at + 28);
  const name = content.toString('utf8', at + LOCAL_HEADER_SIZE, at + LOCAL_HEADER_SIZE + nameLength);
  if (method !== entry.method || name !== entry.name || (flags & FLAG_DATA_DESCRIPTOR) !== (entry.flags & FLAG_DATA_DESCRIPTOR)) {
    throw unreadable('local header disagrees with the central directory');
  }
  if (!(flags & FLAG_DATA_DESCRIPTOR)) {
    // Without a data descriptor the local header carries the sizes a streaming reader goes by.
    if (content.readUInt32LE(at + 18) !== entry.compressedSize || content.readUInt32LE(at + 22) !== entry.uncompressedSize) {
      throw unreadable('local header sizes disagree with the central directory');
    }
  }
  return at + LOCAL_HEADER_SIZE + nameLength + extraLength;
}

/** The entries, in file order, must follow one another with nothing between them and end at the directory. */
function checkLayout(content: Buffer, entries: ZipDirectoryEntry[], directoryOffset: number): void {
  const ordered = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let expected = 0;
  for (const entry of ordered) {
    if (entry.localHeaderOffset !== expected) throw unreadable('entries do not follow one another');
    let next = dataStart(content, entry) + entry.compressedSize;
    if (entry.flags & FLAG_DATA_DESCRIPTOR) {
      if (next + 12 > content.length) throw unreadable('data descriptor out of bounds');
      const signed = content.readUInt32LE(next) === DATA_DESCRIPTOR_SIGNATURE;
      const sizes = signed ? next + 8 : next + 4;
      if (content.readUInt32LE(sizes) !== entry.compressedSize || content.readUInt32LE(sizes + 4) !== entry.uncompressedSize) {
        throw unreadable('data descriptor disagrees with the central directory');
      }
      next = sizes + 8;
    }
    expected = next;
  }
  if (expected !== directoryOffset) throw unreadable('data between the entries and the central directory');
}

/** Step 3: inflates each entry as a stream, counting, and stops at the first byte over its declared size. */
async function checkInflatedSizes(content: Buffer, entries: ZipDirectoryEntry[], onInflated?: InflatedObserver): Promise<void> {
  for (const entry of entries) {
    const start = dataStart(content, entry);
    const data = content.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw unreadable('stored entry sizes differ');
      continue;
    }
    let inflated = 0;
    let overflow = false;
    const inflater = createInflateRaw();
    try {
      await new Promise<void>((resolve, reject) => {
        inflater.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > entry.uncompressedSize) {
            overflow = true;
            inflater.destroy();
            resolve();
          }
        });
        inflater.on('end', resolve);
        inflater.on('error', reject);
        Readable.from([data], { objectMode: false }).pipe(inflater);
      });
    } catch {
      throw unreadable(`entry ${entry.name} does not inflate`);
    }
    onInflated?.(entry.name, inflated);
    if (overflow || inflated !== entry.uncompressedSize) {
      throw CampaignsException.invalidFile(
        '该 .xlsx 文件的内容与其目录记载的大小不符（文件损坏或被篡改），不予受理',
        `entry ${entry.name.slice(0, 64)} inflates to ${overflow ? 'more' : 'other'} than the ${entry.uncompressedSize} bytes its directory declares`,
      );
    }
  }
}

/** Told how many bytes each entry inflated to while being checked (to measure, in tests and logs). */
export type InflatedObserver = (entryName: string, inflatedBytes: number) => void;

/** All three checks; resolves when the archive may be handed to a reader. */
export async function checkXlsxArchive(content: Buffer, limits: XlsxArchiveLimits, onInflated?: InflatedObserver): Promise<void> {
  const entries = checkZipDirectory(content, limits);
  await checkInflatedSizes(content, entries, onInflated);
}

/**
 * Test fixture (not exported by the library): hand-written zip archives, among them zip bombs, to show
 * that uploads are refused before being inflated. Deflating gigabytes would take the test minutes, so a
 * bomb repeats one compressed block: a block ended with a full flush starts from an empty history, so
 * the same bytes written N times inflate to N times the block.
 */
import { constants, deflateRawSync } from 'node:zlib';

/** DEFLATE data that inflates to `unit` repeated `times` times, built in milliseconds whatever the size. */
export function deflatedRepeats(unit: Buffer, times: number, unitsPerBlock = Math.max(1, Math.floor((1024 * 1024) / unit.length))): Buffer {
  const block = deflateRawSync(Buffer.concat(Array.from({ length: Math.min(times, unitsPerBlock) }, () => unit)), { finishFlush: constants.Z_FULL_FLUSH });
  const fullBlocks = Math.floor(times / unitsPerBlock);
  const rest = times - fullBlocks * unitsPerBlock;
  const parts: Buffer[] = Array.from({ length: fullBlocks }, () => block);
  if (rest > 0) parts.push(deflateRawSync(Buffer.concat(Array.from({ length: rest }, () => unit)), { finishFlush: constants.Z_FULL_FLUSH }));
  // The final block: fixed Huffman, holding only its end-of-block code.
  parts.push(Buffer.from([0x03, 0x00]));
  return Buffer.concat(parts);
}

export interface FixtureEntry {
  name: string;
  /** The bytes as stored in the archive (deflated when method is 8). */
  data: Buffer;
  method?: 0 | 8;
  /** What the archive claims; a bomb may lie. */
  uncompressedSize: number;
  /** Put in the local header and directory as is (a real archive holds the CRC-32 of the inflated data). */
  crc?: number;
}

/** A zip archive of these entries, in order, with local headers, central directory and end record. */
export function zipArchive(entries: FixtureEntry[], options: { gapAfterFirst?: Buffer } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method ?? 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.crc ?? 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.crc ?? 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
    if (index === 0 && options.gapAfterFirst) {
      locals.push(options.gapAfterFirst);
      offset += options.gapAfterFirst.length;
    }
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The small parts of a one-sheet workbook, so that the archive looks like an .xlsx to a reader. */
export function workbookParts(): FixtureEntry[] {
  const stored = (name: string, text: string): FixtureEntry => {
    const data = Buffer.from(XML_HEAD + text, 'utf8');
    return { name, data, method: 0, uncompressedSize: data.length };
  };
  return [
    stored(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    stored(
      '_rels/.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    stored(
      'xl/workbook.xml',
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="摸排名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    stored(
      'xl/_rels/workbook.xml.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  ];
}

/**
 * An .xlsx whose sheet inflates to about `inflatedBytes` of repeated row XML while the file stays
 * small (about 1/1000 of that). `declaredBytes` is what its directory claims (the truth by default).
 */
export function xlsxBomb(inflatedBytes: number, options: { declaredBytes?: number; sheets?: number } = {}): Buffer {
  // Long runs of one character compress best (about 1000:1): each row is one cell of 32,000 zeros.
  const row = Buffer.from(`<row><c t="inlineStr"><is><t>${'0'.repeat(32_000)}</t></is></c></row>`, 'utf8');
  const times = Math.ceil(inflatedBytes / row.length);
  const head = Buffer.from(`${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`, 'utf8');
  // The head is stored as its own deflate block before the repeated rows (a stored block, byte-aligned).
  const headBlock = deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH });
  const rows = deflatedRepeats(row, times);
  const data = Buffer.concat([headBlock, rows]);
  const inflated = head.length + times * row.length;
  // Each sheet part holds the same bomb (one zip entry is at most 4 GB without ZIP64).
  const sheets = Array.from({ length: options.sheets ?? 1 }, (_, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data,
    uncompressedSize: Math.min(options.declaredBytes ?? inflated, 0xfffffffe),
  }));
  return zipArchive([...workbookParts(), ...sheets]);
}

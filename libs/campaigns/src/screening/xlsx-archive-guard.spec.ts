import { inflateRawSync } from 'node:zlib';
import { CampaignsException } from '../campaigns.exception';
import { buildScreeningTemplate } from './screening-template';
import { writeScreeningList } from './screening-writer';
import { checkXlsxArchive, checkZipDirectory, readZipDirectory } from './xlsx-archive-guard';
import { deflatedRepeats, workbookParts, xlsxBomb, zipArchive } from './zip-bomb.fixture';

const LIMITS = { maxUncompressedBytes: 64 * 1024 * 1024, maxCompressionRatio: 200 };
const MB = 1024 * 1024;

describe('the bomb fixture', () => {
  it('inflates to exactly the repeated unit', () => {
    const unit = Buffer.from('<row>x</row>');
    expect(inflateRawSync(deflatedRepeats(unit, 250_000)).equals(Buffer.concat(Array.from({ length: 250_000 }, () => unit)))).toBe(true);
  });
});

describe('checkXlsxArchive', () => {
  it('accepts the workbooks exceljs writes (the template, a screening list)', async () => {
    const list = await writeScreeningList(Array.from({ length: 500 }, (_, i) => ({ orgCode: `ORG-${i}`, orgName: `第${i}村党支部`, description: '软弱涣散' })));
    for (const file of [await buildScreeningTemplate(), list]) {
      await expect(checkXlsxArchive(file, LIMITS)).resolves.toBeUndefined();
      expect(readZipDirectory(file).entries.map((entry) => entry.name)).toContain('xl/workbook.xml');
    }
  });

  // checkZipDirectory is synchronous and inflates nothing (inflating is the asynchronous third step).
  it('refuses a 2 GB bomb of 2 MB from its directory alone, inflating nothing', () => {
    const bomb = xlsxBomb(2 * 1024 * MB);
    expect(bomb.length).toBeLessThan(3 * MB);
    const started = Date.now();
    let refusal: unknown;
    try {
      checkZipDirectory(bomb, LIMITS);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(CampaignsException);
    expect(refusal).toMatchObject({ code: 'file_too_large', details: { limit: 'compressionRatio', max: 200 } });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses a total over the uncompressed limit even when no entry compresses suspiciously', () => {
    const honest = xlsxBomb(20 * MB);
    expect(() => checkZipDirectory(honest, { maxUncompressedBytes: 10 * MB, maxCompressionRatio: 100_000 })).toThrow(
      expect.objectContaining({ code: 'file_too_large', details: { limit: 'uncompressedBytes', max: 10 * MB }, messageZh: expect.stringMatching(/解压后过大.*上限 10 MB/) }),
    );
  });

  it('catches a directory that lies about sizes, stopping just past the declared size', async () => {
    const inflated: number[] = [];
    const liar = xlsxBomb(200 * MB, { declaredBytes: 100_000 });
    await expect(checkXlsxArchive(liar, LIMITS, (_, bytes) => inflated.push(bytes))).rejects.toMatchObject({ code: 'invalid_file', messageZh: expect.stringContaining('与其目录记载的大小不符') });
    // The inflater is stopped within a few chunks of the declared size, far from the 200 MB it holds.
    expect(Math.max(...inflated)).toBeLessThan(2 * MB);
  });

  it('refuses an entry hidden between two listed ones, which a streaming reader would otherwise read', async () => {
    const hidden = zipArchive([{ name: 'x', data: Buffer.alloc(10), method: 0, uncompressedSize: 10 }]);
    const parts = workbookParts();
    await expect(checkXlsxArchive(zipArchive(parts, { gapAfterFirst: hidden.subarray(0, 40) }), LIMITS)).rejects.toMatchObject({ code: 'invalid_file' });
    await expect(checkXlsxArchive(zipArchive(parts), LIMITS)).resolves.toBeUndefined();
  });

  it('refuses ZIP64 markers and garbage', async () => {
    const zip64 = zipArchive([{ name: 'a', data: Buffer.alloc(4), method: 0, uncompressedSize: 0xffffffff }]);
    await expect(checkXlsxArchive(zip64, LIMITS)).rejects.toMatchObject({ code: 'file_too_large' });
    await expect(checkXlsxArchive(Buffer.from('PK\u0003\u0004garbage'), LIMITS)).rejects.toMatchObject({ code: 'invalid_file' });
  });
});

/**
 * A circulated notice (督查通报) as a printable Word document, in Chinese, dates in Beijing time:
 * the heading with its number, the townships ranked, the organizations lagging behind, criticism with
 * deadlines, and the county's remarks. Built with the `docx` library.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { STAGE_LABELS, type NoticeContent } from '@zhengdun/domain';
import { chinaDay, chinaMinute } from '../ledger/ledger-model';

export interface NoticeDocumentInput {
  number: number;
  title: string;
  issuedAt: Date;
  issuedByName: string;
  content: NoticeContent;
}

const FONT = 'FangSong';
const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, font: FONT, size: 21 })] })] });
}

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }), ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) }))],
  });
}

function paragraph(text: string, options: { bold?: boolean; center?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: options.bold, font: FONT, size: options.size ?? 24 })],
  });
}

/** The column headers of the ranking table, in the order the values are written. */
export const RANKING_HEADERS = ['名次', '乡镇（街道）', '整顿对象', '已销号', '转化率', '逾期占比', '逾期次数', '约谈', '群众满意率'];

export function rankingRows(content: NoticeContent): string[][] {
  return content.ranking.map((row) => [
    String(row.rank),
    row.township,
    String(row.total),
    String(row.converted),
    percent(row.conversionRate),
    percent(row.overdueShare),
    String(row.lapses),
    String(row.talks),
    percent(row.satisfactionRate),
  ]);
}

export async function noticeDocument(notice: NoticeDocumentInput): Promise<Buffer> {
  const { content } = notice;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: notice.title, bold: true, font: 'SimSun', size: 36, color: 'C00000' })] }),
    paragraph(`${content.county}委组织部　第${notice.number}期　${chinaDay(notice.issuedAt)}`, { center: true }),
    paragraph(`${content.campaignName}：截至 ${chinaMinute(notice.issuedAt)}（北京时间），各乡镇（街道）整顿进展如下。`),
    paragraph('一、各乡镇（街道）整顿进展排名', { bold: true }),
    table(RANKING_HEADERS, rankingRows(content)),
    paragraph('二、进展滞后的整顿对象', { bold: true }),
    content.lagging.length === 0
      ? paragraph('无。')
      : table(
          ['党组织', '乡镇（街道）', '当前阶段', '是否逾期', '约谈次数'],
          content.lagging.map((org) => [org.orgName, org.township, STAGE_LABELS[org.stage], org.overdue ? '是' : '否', String(org.talks)]),
        ),
  ];
  if (content.criticisms.length > 0) {
    children.push(paragraph('三、通报批评、限期整改', { bold: true }));
    for (const criticism of content.criticisms) {
      children.push(paragraph(`${criticism.township}：${criticism.text}（限 ${chinaDay(criticism.deadline)} 前整改到位）`));
    }
  }
  if (content.remarks) children.push(paragraph(content.remarks));
  children.push(paragraph(`${content.county}委组织部`, { center: false }), paragraph(chinaDay(notice.issuedAt)));
  const document = new Document({ creator: notice.issuedByName, title: notice.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}

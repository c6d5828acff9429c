// A visitor email's lines as both stores read them: reply rows and their files, made into mail lines.

import type { MailFile, MailLine } from '../../mail/compose.ts';

export interface ReplyRow {
  id: string;
  seq: number;
  author_name: string;
  body: string;
  created_at: string;
}

/** A file attached to one of the lines' messages. */
export type FileRow = MailFile & { message_id: string };

const mailLine = (row: ReplyRow): MailLine & { seq: number } => ({
  seq: row.seq,
  authorName: row.author_name,
  body: row.body,
  createdAt: row.created_at,
});

/** The lines in the rows' order, each with its message's files (in the order given) when it has any. */
export function mailLines(rows: readonly ReplyRow[], attached: readonly FileRow[]): Array<MailLine & { seq: number }> {
  const files = new Map<string, MailFile[]>();
  for (const file of attached) {
    const list = files.get(file.message_id) ?? [];
    list.push({ name: file.name, size: file.size });
    files.set(file.message_id, list);
  }
  return rows.map((row) => {
    const list = files.get(row.id);
    return list ? { ...mailLine(row), files: list } : mailLine(row);
  });
}

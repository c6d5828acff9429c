// The transcript written into tickets and leads: what the visitor saw, one line per message.

/** One public message as a transcript shows it. */
export interface TranscriptLine {
  authorName: string;
  body: string;
  /** The names of the files sent with it, if any. */
  files?: readonly string[];
}

/** The message's text and, in brackets, its files' names: a file sent alone is still a line. */
function said(line: TranscriptLine): string {
  const text = line.body.replace(/\s*\n\s*/g, ' ').trim();
  const names = line.files ?? [];
  const files = names.length > 0 ? `[${names.length === 1 ? 'file' : 'files'}: ${names.join(', ')}]` : '';
  return [text, files].filter(Boolean).join(' ');
}

/** `Author: text` per line, in order, each message on one line. */
export function transcript(lines: readonly TranscriptLine[]): string {
  return lines.map((line) => `${line.authorName}: ${said(line)}`).join('\n');
}

// The transcript written into tickets and leads: what the visitor saw, one line per message.

/** One public message as a transcript shows it. */
export interface TranscriptLine {
  authorName: string;
  body: string;
}

/** `Author: text` per line, in order, each message on one line. */
export function transcript(lines: readonly TranscriptLine[]): string {
  return lines.map((line) => `${line.authorName}: ${line.body.replace(/\s*\n\s*/g, ' ').trim()}`).join('\n');
}

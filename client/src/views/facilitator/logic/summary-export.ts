import type { PulseResults } from '../../../../../shared/pulse';
import type { Summary } from '../../../../../shared/summary';
import { formatSpoken } from './time-format';

export interface SummaryRow {
  name: string;
  spokenMs: number;
  turns: number;
  passes: number;
  /** Share of all speaking time, 0..1. */
  share: number;
}

/** The summary's members with their share of the speaking time, in joining order. */
export function summaryRows(summary: Summary): SummaryRow[] {
  const total = summary.members.reduce((sum, m) => sum + m.spokenMs, 0);
  return summary.members.map((m) => ({ ...m, share: total > 0 ? m.spokenMs / total : 0 }));
}

export function summaryDurationMs(summary: Summary): number {
  return Math.max(0, summary.endedAt - summary.startedAt);
}

/** "tuesday-circle-2026-11-25.json": a file name from the title and the day the circle ended. */
export function summaryFileName(summary: Summary, extension: 'json' | 'csv'): string {
  const slug =
    summary.title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 40) || 'circle';
  const day = new Date(summary.endedAt).toISOString().slice(0, 10);
  return `${slug}-summary-${day}.${extension}`;
}

export function summaryToJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a cell that a spreadsheet would
 * run as a formula (= + - @, tab, carriage return) is prefixed with an apostrophe so that a name
 * typed on a phone can never execute on the facilitator's computer.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (cells: (string | number)[]) => cells.map(csvCell).join(',');

/** A readable CSV: the meeting, then one row per member, then one row per question. */
export function summaryToCsv(summary: Summary): string {
  const lines = [
    csvLine(['Circle', summary.title]),
    csvLine(['Started', new Date(summary.startedAt).toISOString()]),
    csvLine(['Ended', new Date(summary.endedAt).toISOString()]),
    csvLine(['Duration', formatSpoken(summaryDurationMs(summary))]),
    csvLine(['Rounds', summary.rounds]),
    '',
    csvLine(['Member', 'Speaking time', 'Speaking seconds', 'Share (%)', 'Turns', 'Passes']),
    ...summaryRows(summary).map((r) =>
      csvLine([
        r.name,
        formatSpoken(r.spokenMs),
        Math.round(r.spokenMs / 1000),
        Math.round(r.share * 100),
        r.turns,
        r.passes,
      ]),
    ),
  ];
  if (summary.pulses.length > 0) {
    lines.push('', csvLine(['Question', 'Answers', 'Answered 1', '2', '3', '4', 'Answered 5']));
    for (const p of summary.pulses) {
      lines.push(csvLine([p.question, p.answered, ...(p.results ?? ['', '', '', '', ''])]));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The 1–5 counts as shares of the answers, for the histogram's bar lengths. */
export function resultShares(results: PulseResults): number[] {
  const total = results.reduce((sum, n) => sum + n, 0);
  return results.map((n) => (total > 0 ? n / total : 0));
}

// Bodies of the reports admins read in Settings → Reports: how fast and how well conversations were answered.

/** Durations in seconds; null when there is nothing to measure. */
export interface ReportFigures {
  /** Conversations started in the period. */
  conversations: number;
  /** Of those, how many got an operator's reply. */
  answered: number;
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  /** From start to resolved or ended, over those closed in the period. */
  resolutionMedianSeconds: number | null;
  ratings: { good: number; okay: number; bad: number };
}

export interface OperatorReport extends ReportFigures {
  operatorId: string;
  name: string;
}

export interface SiteReport extends ReportFigures {
  siteId: string;
  name: string;
}

/**
 * GET /api/admin/reports?days=7|30 → 200 (admins). Per operator: the conversations assigned to them (first
 * response: their first reply). Any other `days` → 400 `bad_request`.
 */
export interface Report {
  days: 7 | 30;
  /** The period's start and end (ISO). */
  from: string;
  to: string;
  totals: ReportFigures;
  operators: OperatorReport[];
  sites: SiteReport[];
}

// One report drawn: the team's totals, then a table per operator and per site.

import type { Report, ReportFigures } from '@livechat/protocol';
import type { ComponentChildren } from 'preact';
import { readableDuration, spokenDuration } from '../../state/durations.ts';

export function ReportView({ report }: { report: Report }) {
  const { totals } = report;
  return (
    <div class="report">
      <dl class="report__totals" data-testid="op-report-totals">
        <Total label="Conversations" value={String(totals.conversations)} />
        <Total label="Answered" value={answeredText(totals)} />
        <Total label="First response, median" seconds={totals.firstResponseMedianSeconds} />
        <Total label="First response, p90" seconds={totals.firstResponseP90Seconds} />
        <Total label="Resolution, median" seconds={totals.resolutionMedianSeconds} />
        <div class="report__total">
          <dt>Ratings</dt>
          <dd>
            <Ratings figures={totals} />
          </dd>
        </div>
      </dl>
      <FiguresTable
        caption="Per operator"
        first="Operator"
        rows={report.operators.map((row) => ({ key: row.operatorId, name: row.name, figures: row }))}
        testId="op-report-operator"
        empty="No operators yet."
      />
      <FiguresTable
        caption="Per site"
        first="Site"
        rows={report.sites.map((row) => ({ key: row.siteId, name: row.name, figures: row }))}
        testId="op-report-site"
        empty="No sites yet."
      />
    </div>
  );
}

function answeredText(figures: ReportFigures): string {
  if (figures.conversations === 0) return String(figures.answered);
  return `${figures.answered} (${Math.round((figures.answered / figures.conversations) * 100)}%)`;
}

function Total({ label, value, seconds }: { label: string; value?: string; seconds?: number | null }) {
  return (
    <div class="report__total">
      <dt>{label}</dt>
      <dd>{value ?? <Duration seconds={seconds ?? null} />}</dd>
    </div>
  );
}

function Duration({ seconds }: { seconds: number | null }) {
  return (
    <span class="report__duration" title={spokenDuration(seconds)}>
      {readableDuration(seconds)}
    </span>
  );
}

/** Counts in words as well as colours: each says good, okay or bad. */
function Ratings({ figures }: { figures: ReportFigures }) {
  const { good, okay, bad } = figures.ratings;
  if (good + okay + bad === 0) return <span class="report__none">None</span>;
  return (
    <span class="report__ratings">
      <span class="tag tag--rating-good" data-rating="good">
        {good} good
      </span>
      <span class="tag tag--rating-okay" data-rating="okay">
        {okay} okay
      </span>
      <span class="tag tag--rating-bad" data-rating="bad">
        {bad} bad
      </span>
    </span>
  );
}

interface FiguresRow {
  key: string;
  name: string;
  figures: ReportFigures;
}

function FiguresTable({
  caption,
  first,
  rows,
  testId,
  empty,
}: {
  caption: string;
  first: string;
  rows: FiguresRow[];
  testId: string;
  empty: ComponentChildren;
}) {
  return (
    <section class="report__section" aria-labelledby={`${testId}-heading`}>
      <h4 id={`${testId}-heading`} class="report__heading">
        {caption}
      </h4>
      <div class="records__scroll report__table">
        <table class="records" aria-labelledby={`${testId}-heading`}>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              <th scope="col">Conversations</th>
              <th scope="col">Answered</th>
              <th scope="col">First response, median</th>
              <th scope="col">First response, p90</th>
              <th scope="col">Resolution, median</th>
              <th scope="col">Ratings</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={7} class="screen__muted">
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map(({ key, name, figures }) => (
                <tr key={key} data-testid={testId} data-id={key}>
                  <th scope="row">{name}</th>
                  <td class="report__number">{figures.conversations}</td>
                  <td class="report__number">{figures.answered}</td>
                  <td class="report__number">
                    <Duration seconds={figures.firstResponseMedianSeconds} />
                  </td>
                  <td class="report__number">
                    <Duration seconds={figures.firstResponseP90Seconds} />
                  </td>
                  <td class="report__number">
                    <Duration seconds={figures.resolutionMedianSeconds} />
                  </td>
                  <td>
                    <Ratings figures={figures} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// Settings → Reports for admins: the last 7 or 30 days of conversations, for the team, per operator and per site.

import type { Report } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { api } from '../../transport/http.ts';
import { Loaded, useLoad } from '../load.tsx';
import { ReportView } from './report-view.tsx';

const PERIODS: Array<Report['days']> = [7, 30];

export function ReportSettings() {
  const [days, setDays] = useState<Report['days']>(7);
  const [load, reload] = useLoad(() => api.report(days), [days]);
  return (
    <section class="settings-card" id="settings-reports" aria-labelledby="reports-heading" data-testid="op-reports">
      <div class="settings-card__head">
        <h3 id="reports-heading" class="settings-card__title">
          Reports
        </h3>
        <div class="period-switch" role="group" aria-label="Period">
          {PERIODS.map((period) => (
            <button
              key={period}
              type="button"
              class="period-switch__option"
              aria-pressed={days === period}
              onClick={() => setDays(period)}
              data-testid={`op-reports-days-${period}`}
            >
              Last {period} days
            </button>
          ))}
        </div>
      </div>
      <p class="settings-card__lead">
        Conversations started in the period, how fast they got a first reply, how long they took to resolve, and how
        visitors rated them.
      </p>
      <Loaded load={load} what="report" retry={reload}>
        {(report) => <ReportView report={report} />}
      </Loaded>
    </section>
  );
}

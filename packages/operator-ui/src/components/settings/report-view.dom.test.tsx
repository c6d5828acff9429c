// Settings → Reports as an admin reads it: the totals, a row per operator and per site, durations in words.

import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../../test-dom.ts';
import { aReport, someFigures } from '../../test-fixtures.ts';

withBrowserGlobals();

const report = aReport({
  totals: someFigures({
    conversations: 6,
    answered: 5,
    firstResponseMedianSeconds: 40,
    firstResponseP90Seconds: 80,
    resolutionMedianSeconds: 3725,
    ratings: { good: 2, okay: 1, bad: 1 },
  }),
  operators: [
    { operatorId: 'o1', name: 'Ada', ...someFigures() },
    {
      operatorId: 'o2',
      name: 'Alice',
      ...someFigures({ conversations: 3, answered: 3, firstResponseMedianSeconds: 40, firstResponseP90Seconds: 100 }),
    },
  ],
  sites: [
    {
      siteId: 's1',
      name: 'Shop',
      ...someFigures({
        conversations: 4,
        answered: 4,
        resolutionMedianSeconds: 300,
        ratings: { good: 1, okay: 0, bad: 3 },
      }),
    },
  ],
});

async function draw(): Promise<HTMLElement> {
  const { render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const { ReportView } = await import('./report-view.tsx');
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<ReportView report={report} />, root));
  return root;
}

const cells = (row: Element | null | undefined) =>
  [...(row?.querySelectorAll('th, td') ?? [])].map((cell) => cell.textContent);

describe('a report', () => {
  it('shows the totals with readable durations and ratings in words', async () => {
    const root = await draw();
    const totals = root.querySelector('[data-testid="op-report-totals"]');
    const pairs = [...(totals?.querySelectorAll('.report__total') ?? [])].map((total) => [
      total.querySelector('dt')?.textContent,
      total.querySelector('dd')?.textContent,
    ]);
    expect(pairs).toEqual([
      ['Conversations', '6'],
      ['Answered', '5 (83%)'],
      ['First response, median', '40 s'],
      ['First response, p90', '1 min 20 s'],
      ['Resolution, median', '1 h 2 min'],
      ['Ratings', '2 good1 okay1 bad'],
    ]);
    expect(totals?.querySelector('[title="1 minute 20 seconds"]')?.textContent).toBe('1 min 20 s');
  });

  it('gives a row to every operator and site, with a dash where nothing was measured', async () => {
    const root = await draw();
    const operators = root.querySelectorAll('[data-testid="op-report-operator"]');
    expect([...operators].map(cells)).toEqual([
      ['Ada', '0', '0', '—', '—', '—', 'None'],
      ['Alice', '3', '3', '40 s', '1 min 40 s', '—', 'None'],
    ]);
    const sites = root.querySelectorAll('[data-testid="op-report-site"]');
    expect([...sites].map(cells)).toEqual([['Shop', '4', '4', '—', '—', '5 min', '1 good0 okay3 bad']]);
    const headers = [...root.querySelectorAll('table')].map(
      (table) => document.getElementById(table.getAttribute('aria-labelledby') ?? '')?.textContent,
    );
    expect(headers).toEqual(['Per operator', 'Per site']);
  });
});

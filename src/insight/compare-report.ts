/** `report <id>`: each organization of one report against the same owner's report of the month before. */
import { changeOf, roundPoints } from './change.js';
import { orgKey, type ReportSnapshot } from './snapshot.js';
import type { OrgRef, ReportComparison } from './types.js';

type Row = ReportComparison['rows'][number];

const refOf = (s: ReportSnapshot) => ({
  reportId: s.reportId,
  owner: s.owner,
  status: s.status,
  totalPoints: s.totalPoints,
  month: s.month,
});

function linesOf(report: ReportSnapshot): Map<string, { org: OrgRef; points: number }> {
  const out = new Map<string, { org: OrgRef; points: number }>();
  for (const line of report.organizations) {
    const key = orgKey(line);
    const points = roundPoints((out.get(key)?.points ?? 0) + line.points);
    out.set(key, { org: { uid: line.uid, name: line.name }, points });
  }
  return out;
}

/** Without a previous report every row is `new` with `before` null: there is nothing to compare with. */
export function compareReports(report: ReportSnapshot, previous: ReportSnapshot | null): ReportComparison {
  const now = linesOf(report);
  const before = previous ? linesOf(previous) : null;
  const rows: Row[] = [];
  for (const [key, line] of now) {
    const was = before?.get(key);
    if (!before) rows.push({ org: line.org, kind: 'new', now: line.points, before: null, change: null });
    else {
      const kind = !was ? 'new' : was.points === line.points ? 'same' : 'changed';
      const base = was?.points ?? 0;
      rows.push({ org: line.org, kind, now: line.points, before: base, change: changeOf(base, line.points) });
    }
  }
  const gone: Row[] = [];
  for (const [key, line] of before ?? []) {
    if (!now.has(key))
      gone.push({ org: line.org, kind: 'gone', now: 0, before: line.points, change: changeOf(line.points, 0) });
  }
  const byName = (a: Row, b: Row) => a.org.name.localeCompare(b.org.name);
  rows.sort((a, b) => b.now - a.now || byName(a, b));
  gone.sort((a, b) => (b.before ?? 0) - (a.before ?? 0) || byName(a, b));
  return {
    report: refOf(report),
    previous: previous ? refOf(previous) : null,
    change: previous ? changeOf(previous.totalPoints, report.totalPoints) : null,
    rows: [...rows, ...gone],
  };
}

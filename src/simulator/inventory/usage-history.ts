/**
 * How many workloads each company protected, month by month: the data behind the monthly reports
 * and the current usage, so that the current usage continues the last report. Seeded: the same
 * seed, companies, servers and `now` give the same history.
 *
 * - Growth: each company grows (or shrinks) by its own rate, −0.5 % to +3 % a month.
 * - Seasonality: fewer workstations and Microsoft 365 users in the summer holidays (−14 % in
 *   August) and at the year's end, more before the fiscal year closes; servers and VMs move a
 *   quarter as much.
 * - Onboarding: with a long history, about a quarter of the companies join during it (a ramp over
 *   three months), never in the last six months, so every company is in the last report.
 * - Noise: ±2 % per month and workload.
 * - Planted this month: one company whose usage jumps (+70 % and eight more server agents), and
 *   one whose usage fell to zero (its backups stopped). Nothing else moves by more than ~10 %.
 */
import type { Random } from '../random.js';
import type { Organization, ServerInfo } from './types.js';
import { WORKLOADS } from './workloads.js';

export type WorkloadName = keyof typeof WORKLOADS;
export type Counts = Partial<Record<WorkloadName, number>>;

/** Calendar-month factors, January first. */
const SEASON = [0.98, 0.99, 1.0, 1.0, 1.0, 0.98, 0.92, 0.86, 0.99, 1.02, 1.03, 0.94];
const SEASONAL_IN_FULL: ReadonlySet<WorkloadName> = new Set(['vspcWorkstation', 'vb365User']);
const RAMP = [0.4, 0.7, 0.9];
const ONBOARDING_SHARE = 0.25;
/** Counts at the start: [min, max] per workload, when the company has that kind of server. */
const START: Record<WorkloadName, [number, number]> = {
  vbrVm: [8, 60],
  vbrServer: [1, 8],
  ccBackup: [2, 15],
  ccReplica: [0, 4],
  vspcServer: [1, 6],
  vspcWorkstation: [2, 14],
  voneVm: [10, 50],
  vb365User: [20, 150],
};

export interface UsageHistory {
  /** Report months, oldest first (`months` of them), the last one the month before `now`. */
  months: number;
  /** Per company uid: counts for each report month, then one more entry for now. */
  counts: Map<string, Counts[]>;
  planted: { jump: Organization; zero: Organization } | null;
}

export interface UsageHistoryInput {
  random: Random;
  now: Date;
  months: number;
  companies: Organization[];
  servers: Iterable<ServerInfo>;
  /** Whether Cloud Connect sites exist (every company is a tenant of one). */
  hasSites: boolean;
}

function kindsOf(company: Organization, owned: Set<string>, hasSites: boolean): WorkloadName[] {
  const kinds: WorkloadName[] = ['vspcServer', 'vspcWorkstation'];
  if (owned.has(`${company.uid} vbr`)) kinds.push('vbrVm', 'vbrServer');
  if (owned.has(`${company.uid} vone`)) kinds.push('voneVm');
  if (owned.has(`${company.uid} vb365`)) kinds.push('vb365User');
  if (hasSites) kinds.push('ccBackup', 'ccReplica');
  return kinds;
}

/** Calendar month (0–11) of report month `index`; `index === months` is the current month. */
function calendarMonth(now: Date, months: number, index: number): number {
  return (((now.getUTCMonth() - months + index) % 12) + 12) % 12;
}

export function generateUsageHistory(input: UsageHistoryInput): UsageHistory {
  const { random, now, months, companies } = input;
  const owned = new Set<string>();
  for (const server of input.servers) owned.add(`${server.ownerUid} ${server.kind}`);
  const counts = new Map<string, Counts[]>();
  for (const company of companies) {
    const kinds = kindsOf(company, owned, input.hasSites);
    const start = Object.fromEntries(kinds.map((k) => [k, random.int(...START[k])])) as Counts;
    const growth = -0.005 + random.next() * 0.035;
    const joins = months >= 8 && random.chance(ONBOARDING_SHARE) ? random.int(1, months - 6) : 0;
    const series: Counts[] = [];
    for (let index = 0; index <= months; index++) {
      const age = index - joins;
      const season = SEASON[calendarMonth(now, months, index)]!;
      const counts: Counts = {};
      for (const kind of kinds) {
        const seasonal = SEASONAL_IN_FULL.has(kind) ? season : 1 + (season - 1) / 4;
        // Companies there from the start are past their ramp; those joining later ramp up.
        const ramp = age < 0 ? 0 : joins === 0 ? 1 : (RAMP[age] ?? 1);
        const value = (start[kind] ?? 0) * ramp * (1 + growth) ** Math.max(0, age) * seasonal;
        const noisy = Math.round(value * (0.98 + random.next() * 0.04));
        // A company that has joined always runs at least one managed server agent.
        counts[kind] = kind === 'vspcServer' && age >= 0 ? Math.max(1, noisy) : noisy;
      }
      series.push(counts);
    }
    counts.set(company.uid, series);
  }
  return { months, counts, planted: plant(companies, counts, months) };
}

/** The jump goes to a company in the middle of the list, the zero to the last one (never the Northwind pair). */
function plant(companies: Organization[], counts: Map<string, Counts[]>, months: number): UsageHistory['planted'] {
  if (companies.length < 4) return null;
  const jump = companies[Math.floor(companies.length / 2)]!;
  const zero = companies[companies.length - 1]!;
  const jumpNow = counts.get(jump.uid)![months]!;
  for (const kind of Object.keys(jumpNow) as WorkloadName[]) jumpNow[kind] = Math.round((jumpNow[kind] ?? 0) * 1.7);
  jumpNow.vspcServer = (jumpNow.vspcServer ?? 0) + 8;
  const zeroNow = counts.get(zero.uid)![months]!;
  for (const kind of Object.keys(zeroNow) as WorkloadName[]) zeroNow[kind] = 0;
  return { jump, zero };
}

export function pointsOf(counts: Counts): number {
  let total = 0;
  for (const [kind, count] of Object.entries(counts)) total += (count ?? 0) * WORKLOADS[kind as WorkloadName].weight;
  return total;
}

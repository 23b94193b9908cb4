/** VSPC's `select` on the usage report collections: only the asked properties, through subschemas and arrays. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project, readSelect } from '../../src/simulator/http/select.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { call } from './http.js';

const KEY = 'key';
const select = (...paths: string[]) =>
  encodeURIComponent(JSON.stringify(paths.map((propertyPath) => ({ propertyPath }))));

describe('readSelect and project', () => {
  it('builds one tree from the paths; a property also asked for whole is taken whole', () => {
    const query = new URLSearchParams({
      select: JSON.stringify([
        { propertyPath: 'a.b' },
        { propertyPath: 'a' },
        { propertyPath: 'c.d.e' },
        { propertyPath: 'c.f' },
      ]),
    });
    expect(readSelect(query)?.selection).toEqual({ a: true, c: { d: { e: true }, f: true } });
  });

  it('takes a property whole when a path names it before a deeper one', () => {
    const query = new URLSearchParams({ select: JSON.stringify([{ propertyPath: 'a' }, { propertyPath: 'a.b' }]) });
    expect(readSelect(query)?.selection).toEqual({ a: true });
  });

  it('steps through arrays into each element, keeps null as null and matches names in any case', () => {
    const item = {
      Name: 'x',
      list: [
        { a: 1, b: 2 },
        { a: 3, b: 4 },
      ],
      none: null,
      other: 5,
    };
    expect(project(item, { name: true, list: { a: true }, none: { a: true } })).toEqual({
      Name: 'x',
      list: [{ a: 1 }, { a: 3 }],
      none: null,
    });
  });

  it('answers items whole for a missing, empty or unreadable select, and reads single quotes', () => {
    expect(readSelect(new URLSearchParams())).toBeNull();
    expect(readSelect(new URLSearchParams({ select: '[]' }))).toBeNull();
    expect(readSelect(new URLSearchParams({ select: 'not json' }))).toBeNull();
    expect(readSelect(new URLSearchParams({ select: "[{'propertyPath':'a'}]" }))?.selection).toEqual({ a: true });
  });
});

describe('select over HTTP', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 5, now: new Date('2026-07-04T12:00:00Z'), companies: 11 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('returns only the selected properties of each report, the same report otherwise', async () => {
    const whole = await call(sim, 'GET', '/api/v3/licensing/reports/2026-04?limit=500', { token: KEY });
    const path = `/api/v3/licensing/reports/2026-04?limit=500&select=${select('reportParameters.reportId', 'usageDetails.usageByLicenseAndProduct.usedPoints')}`;
    const picked = await call(sim, 'GET', path, { token: KEY });
    expect(picked.status).toBe(200);
    expect(picked.json.meta).toEqual(whole.json.meta);
    expect(picked.json.data).toEqual(
      whole.json.data.map(
        (r: {
          reportParameters: { reportId: number };
          usageDetails: { usageByLicenseAndProduct: { usedPoints: number }[] }[];
        }) => ({
          reportParameters: { reportId: r.reportParameters.reportId },
          usageDetails: r.usageDetails.map((d) => ({
            usageByLicenseAndProduct: d.usageByLicenseAndProduct.map((u) => ({ usedPoints: u.usedPoints })),
          })),
        }),
      ),
    );
    expect(picked.bytes.length).toBeLessThan(whole.bytes.length / 4);
    // Asked again (now from the kept JSON of this selection) and whole again: the same answers.
    expect((await call(sim, 'GET', path, { token: KEY })).bytes.equals(picked.bytes)).toBe(true);
    expect(
      (await call(sim, 'GET', '/api/v3/licensing/reports/2026-04?limit=500', { token: KEY })).bytes.equals(whole.bytes),
    ).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { digestToText } from '../../src/digest/render-text.js';
import { makeLicense, makeReport } from './support/license-factory.js';

describe('digestToText', () => {
  it('lists every section and entry in urgency order', () => {
    const digest = buildDigest({
      licenses: [
        makeLicense({
          company: 'Acme',
          kind: 'vbr',
          uid: '5f1c2a9e-1111-4000-8000-000000000001',
          expirationDate: '2026-03-08T10:00:00Z',
        }),
        makeLicense({
          company: 'Globex',
          kind: 'site',
          uid: '7a2b3c4d-2222-4000-8000-000000000002',
          expirationDate: '2026-03-20T10:00:00Z',
          autoUpdateEnabled: false,
        }),
        makeLicense({
          company: 'Initech',
          kind: 'vone',
          uid: '9c8d7e6f-3333-4000-8000-000000000003',
          status: 'Error',
          statusMessage: 'License file is corrupted.',
          expirationDate: null,
        }),
        makeLicense({ kind: 'console', company: null, units: [{ unit: 'points', used: 1500, licensed: 1000 }] }),
      ],
      reports: [makeReport({ reportId: 42, organizationName: 'Service Provider Inc', totalPoints: 1234.5 })],
      autoApprove: false,
      now: new Date('2026-03-10T12:00:00Z'),
      timeZone: 'Europe/Berlin',
      horizonDays: 30,
    });
    expect(digestToText(digest)).toBe(
      [
        'VSPC license digest · 2026-03-10 (Europe/Berlin)',
        '1 expired · 1 expiring within 30 days · 1 in Warning/Error · 1 over licensed units · 1 report waits for approval',
        '',
        'Expired (1)',
        '  - Acme · VBR 5f1c2a9e… — expired 2 days ago (2026-03-08) · Rental · auto-update on',
        '',
        'Expiring in 8–14 days (1)',
        '  - Globex · Site 7a2b3c4d… — 10 days left (2026-03-20) · Rental · auto-update off',
        '',
        'In Warning or Error (1)',
        '  - Initech · VONE 9c8d7e6f… — Error: License file is corrupted. · no expiry',
        '',
        'Over licensed units (1)',
        '  - VSPC console — points: 1,500 used of 1,000 licensed (500 over)',
        '',
        'Usage reports waiting for approval (1)',
        '  - Report 42 · Service Provider Inc — 2026-02-01 – 2026-02-28 · 1,234.5 points · owner Service Provider Inc',
        '  Finalize them with: /vspc reports finalize',
        '',
        'Auto-approve of usage reports: off',
      ].join('\n'),
    );
  });
});

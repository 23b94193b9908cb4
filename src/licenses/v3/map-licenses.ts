/**
 * VSPC v3 license objects → the `License` view model. The zod schemas already spell known enum
 * values the 3.6.1 way (`valid` → `Valid`); unknown values pass through as VSPC sent them.
 */
import type {
  BackupServerLicense,
  ConsoleLicense,
  SiteLicense,
  Vb365ServerLicense,
  VOneServerLicense,
} from '../../vspc/index.js';
import type { License, LicenseKind, UnitUsage } from '../model.js';

type Nullable<T> = T | null | undefined;

const orNull = <T>(value: Nullable<T>): T | null => value ?? null;

/**
 * The non-empty strings of a list. A plain loop that hands back the list itself when it is already
 * clean (nearly always): a filter with a closure per license was a large part of reading 12,000 of them.
 */
function list(values: Nullable<readonly (string | null)[]>): string[] {
  if (!values) return [];
  for (const value of values) {
    if (typeof value !== 'string' || value === '') {
      return values.filter((v): v is string => typeof v === 'string' && v !== '');
    }
  }
  return values as string[];
}
const one = (value: Nullable<string>): string[] => (value ? [value] : []);

/** `Instances` → `instances`, `Points` → `points`; a license of unknown unit type counts plain `units`. */
function unitName(unitType: Nullable<string>): string {
  const lower = (unitType ?? '').toLowerCase();
  return lower === 'instances' || lower === 'points' ? lower : 'units';
}

function mainUnits(units: Nullable<number>, used: Nullable<number>, unitType: Nullable<string>): UnitUsage {
  return { unit: unitName(unitType), used: used ?? 0, licensed: orNull(units) };
}

/** A secondary counter (sockets, capacity) only when the license has any of it. */
function optionalUnit(unit: string, licensed: Nullable<number>, used: Nullable<number>): UnitUsage | null {
  if (!licensed && !used) return null;
  return { unit, used: used ?? 0, licensed: licensed ? licensed : null };
}

interface CommonFields {
  company?: Nullable<string>;
  type?: Nullable<string>;
  status?: Nullable<string>;
  expirationDate?: Nullable<string>;
  supportExpirationDate?: Nullable<string>;
  autoUpdateEnabled?: Nullable<boolean>;
}

type KindFields = Pick<License, 'edition' | 'statusMessage' | 'units' | 'licenseIds' | 'supportIds' | 'sectionTypes'>;

/**
 * Reads the wire object in place (copying a whole parsed page object per license was measurable)
 * and builds every kind's License with the same keys in the same order, so they share one shape.
 */
function license(kind: LicenseKind, uid: Nullable<string>, fields: CommonFields, own: KindFields): License {
  return {
    kind,
    uid: uid ?? '',
    company: fields.company || null,
    type: orNull(fields.type),
    edition: own.edition,
    status: fields.status ?? 'Unknown',
    statusMessage: own.statusMessage,
    expirationDate: orNull(fields.expirationDate),
    supportExpirationDate: orNull(fields.supportExpirationDate),
    autoUpdateEnabled: orNull(fields.autoUpdateEnabled),
    units: own.units,
    licenseIds: own.licenseIds,
    supportIds: own.supportIds,
    sectionTypes: own.sectionTypes,
  };
}

/** VSPC sends `statusMessage` only on some kinds; looseObject keeps it when a server adds it. */
function statusMessageOf(wire: object): string | null {
  const message = (wire as Record<string, unknown>).statusMessage;
  return typeof message === 'string' && message !== '' ? message : null;
}

export function siteToLicense(wire: SiteLicense): License {
  return license('site', wire.siteUid, wire, {
    edition: orNull(wire.edition),
    statusMessage: statusMessageOf(wire),
    units: [mainUnits(wire.units, wire.usedUnits, wire.unitType)],
    licenseIds: list(wire.licenseIds),
    supportIds: list(wire.supportIds),
    sectionTypes: list(wire.sectionTypes),
  });
}

export function backupServerToLicense(wire: BackupServerLicense): License {
  const units = [mainUnits(wire.units, wire.usedUnits, wire.unitType)];
  const sockets = optionalUnit('sockets', wire.sockets, wire.usedSockets);
  if (sockets) units.push(sockets);
  const capacity = optionalUnit('capacity (TB)', wire.capacity, wire.usedCapacity);
  if (capacity) units.push(capacity);
  return license('vbr', wire.backupServerUid, wire, {
    edition: orNull(wire.edition),
    statusMessage: statusMessageOf(wire),
    units,
    licenseIds: list(wire.licenseIds),
    supportIds: list(wire.supportIds),
    sectionTypes: list(wire.sectionTypes),
  });
}

export function voneServerToLicense(wire: VOneServerLicense): License {
  return license('vone', wire.vOneServerUid, wire, {
    edition: null,
    statusMessage: statusMessageOf(wire),
    units: [mainUnits(wire.units, wire.usedUnits, wire.unitType)],
    licenseIds: one(wire.licenseId),
    supportIds: one(wire.supportId),
    sectionTypes: [],
  });
}

export function vb365ServerToLicense(wire: Vb365ServerLicense): License {
  return license('vb365', wire.vb365ServerUid, wire, {
    edition: null,
    statusMessage: statusMessageOf(wire),
    units: [{ unit: 'users', used: wire.protectedUsers ?? 0, licensed: orNull(wire.licensedUsers) }],
    licenseIds: one(wire.licenseId),
    supportIds: one(wire.supportId),
    sectionTypes: [],
  });
}

/** The console uid is the word `console`; auto-update comes from the separate settings call. */
export function consoleToLicense(wire: ConsoleLicense, autoUpdateEnabled: boolean | null): License {
  const fields = {
    company: wire.licenseeCompany,
    type: wire.type,
    status: wire.status,
    expirationDate: wire.expirationDate,
    supportExpirationDate: wire.supportExpirationDate,
    autoUpdateEnabled,
  };
  return license('console', 'console', fields, {
    edition: orNull(wire.edition),
    statusMessage: statusMessageOf(wire),
    // VSPC reports the licensed instances of its own license, not how many are in use.
    units:
      wire.instances === null || wire.instances === undefined
        ? []
        : [{ unit: 'instances', used: 0, licensed: wire.instances }],
    licenseIds: one(wire.licenseId),
    supportIds: one(wire.supportId),
    sectionTypes: [],
  });
}

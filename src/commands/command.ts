/**
 * What `parseCommand` makes of the text after `/vspc`: one value per command of DESIGN.md §1.
 * Handlers receive these, never raw text, so a button value and a typed command are checked alike.
 */
import type { VbrDeleteSection } from '../licenses/backend.js';
import type { LicenseKind } from '../licenses/model.js';
import type { ReportScope, UsageQuery } from '../reports/model.js';
import type { Reply } from './reply.js';

export type KindFilter = 'all' | LicenseKind;

export type ParsedCommand = { share: boolean } & (
  | { name: 'help'; topic: string | null }
  | {
      name: 'licenses';
      kind: KindFilter;
      expiringDays: number | null;
      status: string | null;
      company: string | null;
      page: number;
    }
  /** `target` is null for the console, which has one license and no target. */
  | { name: 'license.show'; kind: LicenseKind; target: string | null }
  | { name: 'license.update'; kind: LicenseKind; target: string | null }
  | { name: 'license.install'; kind: LicenseKind; target: string | null }
  | { name: 'license.autoupdate'; kind: LicenseKind; target: string | null; enabled: boolean }
  | { name: 'license.delete'; kind: 'vbr' | 'vone'; target: string; section: VbrDeleteSection | null }
  | { name: 'reports'; scope: ReportScope; page: number }
  | { name: 'report'; reportId: number; csv: boolean }
  | { name: 'reports.finalize' }
  | { name: 'reports.autoapprove'; enabled: boolean }
  | {
      name: 'usage';
      /** A name or a UID of an organisation, resolved by the handler. */
      org: string | null;
      type: NonNullable<UsageQuery['organizationType']> | null;
      server: NonNullable<UsageQuery['serverType']> | null;
      page: number;
    }
  | {
      name: 'trend';
      months: number;
      /** A name, UID or UID prefix of an organisation (or a reseller: its companies), resolved by the insight service. */
      org: string | null;
      /** A product type or its short name, resolved by the insight service. */
      product: string | null;
      top: number;
      /** Where the command line writes the chart; Slack uploads it instead and says so. */
      png: string | null;
    }
  | { name: 'forecast' }
  | { name: 'digest'; mode: 'preview' | 'now' }
  | { name: 'audit'; limit: number }
  | { name: 'whoami' }
  | { name: 'pending' }
);

export type CommandName = ParsedCommand['name'];

export type UsageError = Extract<Reply, { type: 'usageError' }>;

export function isUsageError(result: ParsedCommand | UsageError): result is UsageError {
  return 'type' in result && result.type === 'usageError';
}

/** The command of a given name, for handlers typed to one command. */
export type CommandOf<N extends CommandName> = Extract<ParsedCommand, { name: N }>;

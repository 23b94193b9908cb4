/** `--product` words: VSPC's product types, and the short names the other commands use for servers. */
import { InsightInputError } from './service.js';

const ALIASES: Record<string, string> = {
  vbr: 'BackupAndReplication',
  cc: 'CloudConnect',
  vspc: 'VSPC',
  vone: 'VONE',
  vb365: 'VB365',
  em: 'EnterpriseManager',
  vdp: 'VDP',
};

/** The product type `word` means, among the known types and those the reports carry; case-insensitive. */
export function resolveProduct(word: string, seen: Iterable<string>): string {
  const lower = word.trim().toLowerCase();
  const known = new Set([...Object.values(ALIASES), ...seen]);
  const alias = ALIASES[lower];
  if (alias) return alias;
  for (const type of known) if (type.toLowerCase() === lower) return type;
  const names = [...Object.keys(ALIASES), ...[...known].filter((t) => t !== 'Unknown')];
  throw new InsightInputError(`Unknown product "${word.slice(0, 40)}". Use one of: ${names.join(', ')}.`);
}

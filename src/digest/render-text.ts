/** The digest as plain text: the CLI (`digest`), the demo console and the README example. Lists everything. */
import { describeEntry } from './describe-entry.js';
import { formatDay } from './format-day.js';
import type { Digest } from './model.js';
import { autoApproveLine, digestSections, usageLine } from './sections.js';

export function digestToText(digest: Digest): string {
  const format = { date: (instant: string) => formatDay(instant, digest.timeZone), escape: (text: string) => text };
  const lines = [`VSPC license digest · ${digest.day} (${digest.timeZone})`, digest.summary];
  for (const section of digestSections(digest)) {
    lines.push('', `${section.title} (${section.entries.length})`);
    for (const entry of section.entries) lines.push(`  - ${describeEntry(entry, format)}`);
    if (section.key === 'reports') lines.push('  Finalize them with: /vspc reports finalize');
  }
  lines.push('', autoApproveLine(digest.autoApprove));
  const usage = usageLine(digest);
  if (usage !== null) lines.push(usage);
  return lines.join('\n');
}

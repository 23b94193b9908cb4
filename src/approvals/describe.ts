/**
 * Exactly what a pending action will do, in words: the card, the confirm dialog, the CLI plan and
 * the audit log all use these, so what a person approves is what runs.
 */
import { KIND_LABELS, type LicenseKind } from '../licenses/model.js';
import type { WriteOperation } from './operation.js';

export function describeOperation(operation: WriteOperation, targetLabel: string): string {
  switch (operation.op) {
    case 'license.update':
      return `Ask VSPC to download and install a fresh license for ${targetOf(operation.kind, targetLabel)}`;
    case 'license.install':
      return (
        `Install the license file ${operation.fileName} (${formatSize(operation.size)}, sha256 ${operation.sha256}) ` +
        `on ${targetOf(operation.kind, targetLabel)}`
      );
    case 'license.autoupdate':
      return `Turn automatic license update ${onOff(operation.enabled)} for ${targetOf(operation.kind, targetLabel)}`;
    case 'license.delete':
      return operation.kind === 'vbr'
        ? `Delete the license of ${targetOf('vbr', targetLabel)} (section: ${operation.section ?? 'All'})`
        : `Delete the license of ${targetOf(operation.kind, targetLabel)}`;
    case 'reports.finalize':
      return 'Finalize (approve) the monthly license usage reports that wait for approval in VSPC';
    case 'reports.autoapprove':
      return `Turn automatic approval of monthly license usage reports ${onOff(operation.enabled)}`;
  }
}

/** A short name for headers and logs: "Update license", "Finalize usage reports". */
export function operationTitle(operation: WriteOperation): string {
  switch (operation.op) {
    case 'license.update':
      return 'Update license';
    case 'license.install':
      return 'Install license file';
    case 'license.autoupdate':
      return `Auto-update ${onOff(operation.enabled)}`;
    case 'license.delete':
      return 'Delete license';
    case 'reports.finalize':
      return 'Finalize usage reports';
    case 'reports.autoapprove':
      return `Report auto-approve ${onOff(operation.enabled)}`;
  }
}

/**
 * The kind's name followed by the target label, unless the label already names the kind
 * ("Veeam Backup & Replication 5f1c2a9e-… (Acme Corp)"). The console has no target.
 */
function targetOf(kind: LicenseKind, targetLabel: string): string {
  const kindLabel = KIND_LABELS[kind];
  const label = targetLabel.trim();
  if (kind === 'console' && (label === '' || label.toLowerCase() === 'console')) return `the ${kindLabel}`;
  if (label === '') return kindLabel;
  if (label.toLowerCase().startsWith(kindLabel.toLowerCase())) return label;
  return `${kindLabel} ${label}`;
}

function onOff(enabled: boolean): string {
  return enabled ? 'on' : 'off';
}

/** "812 bytes", "2.1 KB", "1.0 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

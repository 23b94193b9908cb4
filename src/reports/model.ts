/** View models of monthly license usage reports and current usage, backend-neutral. */

export type ReportStatus = 'ApprovalRequired' | 'Approved' | 'Finalization' | 'Unknown' | (string & {});

export interface ProductUsage {
  productType: string;
  licenseEdition: string | null;
  totalPoints: number;
  workloads: { workloadType: string; description: string | null; usedPoints: number; count: number }[];
}

export interface UsageReport {
  reportId: number;
  status: ReportStatus;
  organizationName: string;
  organizationUid: string;
  licenseCompanyName: string | null;
  /** YYYY-MM-DD */
  generationDate: string;
  intervalStart: string;
  intervalEnd: string;
  totalPoints: number;
  products: ProductUsage[];
  /** Organisations inside the report with their points, largest first (`uid` absent only in hand-built reports). */
  organizations: { name: string; type: string; usedPoints: number; uid?: string }[];
  /** Points per organisation and product, from the report's usage details (absent when it has none). */
  organizationProducts?: { organizationUid: string; productType: string; usedPoints: number }[];
  notCollectedCloudServers: string[];
}

export interface WorkloadUsage {
  description: string;
  unitType: string;
  usedUnits: number;
  rentalUnits: number;
  newUnits: number;
  usedCount: number;
  rentalCount: number;
  newCount: number;
}

export interface ServerUsage {
  serverUid: string;
  /** BackupAndReplication, CloudConnect, VB365, VONE, VSPC, Unknown */
  serverType: string;
  workloads: WorkloadUsage[];
}

export interface OrganizationUsage {
  organizationUid: string;
  /** Company, Provider, Reseller, Unknown */
  organizationType: string;
  providerUid: string | null;
  servers: ServerUsage[];
}

export interface UsageQuery {
  organizationUid?: string;
  organizationType?: 'Company' | 'Reseller' | 'Provider';
  serverType?: 'BackupAndReplication' | 'CloudConnect' | 'VONE' | 'VB365' | 'VSPC';
}

/** `month` is read for usage insight: its reports' `products` come without their per-workload lines. */
export type ReportScope = { kind: 'all' } | { kind: 'latest' } | { kind: 'pending' } | { kind: 'month'; month: string };

export interface FinalizationResult {
  /** Approved, Finalization, Finalized, NotApprovable, NotApproved, Unknown */
  status: string;
  message: string;
}

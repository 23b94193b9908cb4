/** Peak resident memory of another process, from Linux's /proc (VmHWM: the high-water mark of RSS). */
import { readFileSync } from 'node:fs';

function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Megabytes, or null where /proc is not available (macOS, Windows). */
export function peakRssMb(pid: number): number | null {
  return statusMb(pid, 'VmHWM');
}

/** Resident memory now, in megabytes (null without /proc). */
export function rssMb(pid: number): number | null {
  return statusMb(pid, 'VmRSS');
}

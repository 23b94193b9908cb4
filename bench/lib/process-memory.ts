/** Peak resident memory of another process, from Linux's /proc (VmHWM: the high-water mark of RSS). */
import { readFileSync } from 'node:fs';

/** Megabytes, or null where /proc is not available (macOS, Windows). */
export function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Legacy VAC/VSPC REST v2 licensing endpoints (filled in after the v3 surface). */
import type { Route } from '../router.js';
import type { SimulatorState } from '../state.js';

export function v2Routes(_state: SimulatorState): Route[] {
  return [];
}

/**
 * Splits `limit` claims across endpoints round-robin: every endpoint with due work and spare
 * capacity gets an equal share before any gets more, so one busy endpoint can never take the
 * whole batch. `offset` rotates who goes first between batches.
 */
export function allocateFairly(capacities: number[], limit: number, offset: number): number[] {
  const n = capacities.length;
  const grant = new Array<number>(n).fill(0);
  let remaining = limit;
  let progressed = true;
  while (remaining > 0 && progressed) {
    progressed = false;
    for (let k = 0; k < n && remaining > 0; k++) {
      const i = (k + offset) % n;
      if (grant[i]! < capacities[i]!) {
        grant[i]!++;
        remaining--;
        progressed = true;
      }
    }
  }
  return grant;
}

export const speeds = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The next speed up or down the ladder, clamped at its ends. */
export function stepSpeed(current: number, direction: 1 | -1): number {
  const index = speeds.findIndex((s) => s >= current - 1e-9);
  const next = Math.min(speeds.length - 1, Math.max(0, (index === -1 ? speeds.length - 1 : index) + direction));
  return speeds[next] ?? 1;
}

/**
 * The hazard classes the service refuses to run unless the caller lists them in `allowHazards`
 * (apps/api/src/domain/databases/migrate-database.ts, `hazardRefusals`). Other hazards are shown,
 * and DATA_DEPENDENT steps are checked against the live rows instead.
 */
export const CONSENT_HAZARDS = ['DESTRUCTIVE'] as const;

export type ConsentHazard = (typeof CONSENT_HAZARDS)[number];

/** The hazard classes of a plan that need the user's consent before it runs. */
export function hazardsNeedingConsent(hazardCounts: Partial<Record<string, number>>): ConsentHazard[] {
  return CONSENT_HAZARDS.filter((code) => (hazardCounts[code] ?? 0) > 0);
}

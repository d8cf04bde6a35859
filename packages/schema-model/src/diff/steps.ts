import { renderStatement } from '../ddl/postgres/render.ts';
import type { DdlStatement } from '../ddl/statements.ts';
import type { DataCheck, Hazard, HazardCode, MigrationPlan, MigrationStep } from './types.ts';

export interface StepDraft {
  id: string;
  description: string;
  statements: DdlStatement[];
  hazards?: Hazard[];
  dataChecks?: DataCheck[];
  /** Uses an enum value this plan adds: PostgreSQL refuses that before the ADD VALUE is committed. */
  needsCommittedEnumValues?: boolean;
}

export const hazard = (code: HazardCode, message: string): Hazard => ({ code, message });

/** Collects steps in execution order and turns them into a plan. */
export class PlanBuilder {
  readonly #steps: StepDraft[] = [];
  readonly #ids = new Map<string, number>();

  add(step: StepDraft): void {
    if (step.statements.length === 0) return;
    const seen = this.#ids.get(step.id) ?? 0;
    this.#ids.set(step.id, seen + 1);
    this.#steps.push(seen === 0 ? step : { ...step, id: `${step.id}:${seen + 1}` });
  }

  /**
   * Phases: everything from the first step that uses a freshly added enum value onward runs after
   * the commit of what came before, so the order of the steps is kept exactly.
   */
  build(notes: readonly string[] = []): MigrationPlan {
    let phase = 0;
    const steps = this.#steps.map((draft): MigrationStep => {
      if (draft.needsCommittedEnumValues) phase = 1;
      return {
        id: draft.id,
        description: draft.description,
        statements: draft.statements,
        sql: draft.statements.map(renderStatement),
        hazards: draft.hazards ?? [],
        phase,
        dataChecks: draft.dataChecks ?? [],
      };
    });
    return { steps, summary: [...summarize(steps), ...notes] };
  }
}

const HAZARD_WORDS: Readonly<Record<HazardCode, string>> = {
  DESTRUCTIVE: 'deletes data',
  DATA_DEPENDENT: 'may fail on existing rows',
  REWRITES_TABLE: 'rewrites a table',
  LOCKS_TABLE: 'locks a table',
  BREAKS_CLIENTS: 'may break clients',
};

function summarize(steps: readonly MigrationStep[]): string[] {
  if (steps.length === 0) return ['No changes.'];
  const counts = new Map<HazardCode, number>();
  for (const step of steps) {
    for (const code of new Set(step.hazards.map((h) => h.code)))
      counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const parts = [...counts].map(([code, n]) => `${n} ${HAZARD_WORDS[code]}`);
  const head = `${steps.length} ${steps.length === 1 ? 'step' : 'steps'}${parts.length ? `: ${parts.join(', ')}` : ', none hazardous'}.`;
  const phases = Math.max(...steps.map((s) => s.phase)) + 1;
  const tail =
    phases > 1 ? [`Runs in ${phases} transactions: new enum values are committed before they are used.`] : [];
  const lines = steps.map((step) => {
    const codes = [...new Set(step.hazards.map((h) => h.code))];
    return codes.length ? `${step.description} [${codes.join(', ')}]` : step.description;
  });
  return [head, ...tail, ...lines];
}

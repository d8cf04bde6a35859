import {
  type DeploymentIdentity,
  openTarget,
  parseTargetList,
  type TargetServer,
  type TargetSession,
} from '@schema-builder/provisioning';
import type { Config } from '../../env.ts';

/** The name of the metadata server when it is the only target (the single-server deployment). */
export const DEFAULT_TARGET = 'default';

/**
 * The configured target servers, and admin sessions to them opened on first use. The API only
 * reads from them (status, data checks); the worker does the provisioning work.
 */
export class TargetRegistry {
  readonly targets: readonly TargetServer[];
  private readonly sessions = new Map<string, TargetSession>();

  constructor(
    targets: readonly TargetServer[],
    private readonly identity: DeploymentIdentity,
  ) {
    this.targets = targets;
  }

  static fromConfig(config: Config, metadataUrl: string, identity: DeploymentIdentity): TargetRegistry {
    return new TargetRegistry(resolveTargets(config.PROVISION_TARGETS, metadataUrl), identity);
  }

  find(name: string): TargetServer | undefined {
    return this.targets.find((target) => target.name === name);
  }

  /** An admin session to a configured target; undefined when the name is not configured (any more). */
  session(name: string): TargetSession | undefined {
    const open = this.sessions.get(name);
    if (open) return open;
    const target = this.find(name);
    if (!target) return undefined;
    const session = openTarget(target, { ...this.identity, poolSize: 2 });
    this.sessions.set(name, session);
    return session;
  }

  async close(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.close()));
    this.sessions.clear();
  }
}

/** `PROVISION_TARGETS`, or the metadata server alone when it is empty. */
export function resolveTargets(setting: string, metadataUrl: string): TargetServer[] {
  return setting.trim() === '' ? [{ name: DEFAULT_TARGET, adminUrl: metadataUrl }] : parseTargetList(setting);
}

/** The setting the worker gets when the API starts it: the resolved list, so both agree. */
export function formatTargets(targets: readonly TargetServer[]): string {
  return targets.map((target) => `${target.name}=${target.adminUrl}`).join(',');
}

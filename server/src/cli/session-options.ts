// How a CLI run uses git, from its environment: HANDOFF_NO_GIT=1 runs none, HANDOFF_GIT_PATH
// names the executable.
import type { SessionOptions } from '../project/session';

export function sessionOptions(env: NodeJS.ProcessEnv): SessionOptions {
  return { git: env.HANDOFF_NO_GIT !== '1', gitPath: env.HANDOFF_GIT_PATH || null };
}

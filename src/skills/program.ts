/**
 * What running a program produces, as data: the calls it made, the error that stopped it, the
 * safety events it raised. The sandbox produces these; the episode, the CLI and the viewer read them.
 */
import type { RobotBackend } from './backend.ts';
import type { SkillStatus } from './registry.ts';

/** One skill call as it happened on a backend (sim twin or robot). */
export interface CallRecord {
  skill: string;
  args: unknown[];
  status: SkillStatus;
  value?: unknown;
  message?: string;
  warnings: string[];
  seconds: number;
}

/** A program error, a budget or a safety stop, as data. */
export interface ProgramErrorInfo {
  type: string;
  message: string;
  line?: number;
  column?: number;
}

/** The outcome of running one program through the sandbox and envelope. */
export interface ProgramRun {
  ok: boolean;
  calls: CallRecord[];
  error: ProgramErrorInfo | null;
  /** Safety stops and warnings raised while it ran. */
  events: { type: 'warning' | 'safety-stop'; message: string }[];
}

/** Runs a program on a backend: the sandbox + safety envelope in production, anything in tests. */
export type ProgramRunner = (
  source: string,
  backend: RobotBackend,
  opts: {
    signal: AbortSignal;
    onCall?: (call: CallRecord) => void;
    /** The episode's seed for the program's Math.random: the same in the twin and the execution. */
    seed?: number;
    /** Robot seconds the program's motions may take in all (the scene's timeLimit). */
    timeLimitSeconds?: number;
  },
) => Promise<ProgramRun>;

import { describe, expect, it } from 'vitest';
import { TestScheduler } from 'rxjs/testing';
import { NEVER, Observable, finalize, of } from 'rxjs';
import { commandLoop } from '../../src/episode/command-loop.ts';
import { runEpisode, type EpisodePlanner, type ProgramRunner } from '../../src/episode/episode.ts';
import type { EpisodeEvent } from '../../src/episode/events.ts';
import type { RobotBackend } from '../../src/skills/backend.ts';
import type { SceneObservation } from '../../src/perception/observation.ts';

const ev = (command: string, n: number): EpisodeEvent => ({ type: 'warning', message: `${command}${n}` });

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** Episodes that emit four events two frames apart and record when they are torn down (the robot stopping). */
type Cold = (marbles: string, values: Record<string, EpisodeEvent>) => Observable<EpisodeEvent>;

function episodes(cold: Cold, stopped: string[]) {
  return (command: string): Observable<EpisodeEvent> =>
    cold('a-b-c-d|', { a: ev(command, 1), b: ev(command, 2), c: ev(command, 3), d: ev(command, 4) }).pipe(
      finalize(() => stopped.push(command)),
    );
}

describe('the command loop', () => {
  it('cancels the running episode when a second command arrives; the first is stopped', () => {
    scheduler().run(({ cold, hot, expectObservable, flush }) => {
      const stopped: string[] = [];
      const commands = hot('x--y', { x: 'first', y: 'second' });
      expectObservable(commandLoop(commands, NEVER, episodes(cold, stopped))).toBe('a-bc-d-e-f', {
        a: ev('first', 1),
        b: ev('first', 2),
        c: ev('second', 1),
        d: ev('second', 2),
        e: ev('second', 3),
        f: ev('second', 4),
      });
      flush();
      expect(stopped).toEqual(['first', 'second']);
    });
  });

  it('an e-stop cancels the running episode and ends the loop', () => {
    scheduler().run(({ cold, hot, expectObservable, flush }) => {
      const stopped: string[] = [];
      const commands = hot('x-------y', { x: 'first', y: 'ignored' });
      const estop = hot('---s', { s: 'button pressed' });
      expectObservable(commandLoop(commands, estop, episodes(cold, stopped))).toBe('a-b(s|)', {
        a: ev('first', 1),
        b: ev('first', 2),
        s: { type: 'estop', reason: 'button pressed' },
      });
      flush();
      expect(stopped).toEqual(['first']);
    });
  });
});

const observation: SceneObservation = {
  source: 'ground-truth',
  robot: { kind: 'arm', gripper: [0.2, 0, 0.2], workspace: { min: [0, -0.25, 0.01], max: [0.45, 0.25, 0.3] }, holding: [] },
  objects: [
    { name: 'milk', center: [0.3, 0, 0.08], size: [0.04, 0.04, 0.16], yawDeg: 0, graspablePoint: [0.3, 0, 0.08], movable: true, magnetic: false, soft: false, fragile: false, button: false, parts: [], onTopOf: ['ground'], inContactWith: [] },
  ],
};

describe('an episode', () => {
  it('stops the robot when it is unsubscribed mid-program', async () => {
    const stops: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const backend: RobotBackend = {
      name: 'fake',
      robot: 'arm',
      capabilities: new Set(['move_to_position']),
      call: () => new Promise(() => {}),
      stop: async (reason) => {
        stops.push(reason);
      },
      observe: async () => observation,
    };
    const planner: EpisodePlanner = {
      kind: 'search',
      repairs: false,
      needsGoal: true,
      plan: () => of({ type: 'proposals' as const, proposals: [{ program: 'move_to_position([0.3, 0, 0.1]);' }] }),
    };
    // A program that never finishes: the robot is moving when the user sends the next command.
    const runProgram: ProgramRunner = (_src, _backend, { signal }) =>
      new Promise((_resolve, reject) => {
        started();
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    const events: EpisodeEvent[] = [];
    const sub = runEpisode('grasp the milk', { backend, planner, runProgram, unverified: true }).subscribe((e) => events.push(e));
    await running;
    sub.unsubscribe();
    expect(stops).toEqual(['episode cancelled']);
    expect(events.map((e) => e.type)).toEqual(['episode-started', 'observation', 'goal', 'program']);
  });
});

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import execCommand from '../../src/cli/exec.ts';
import runCommand from '../../src/cli/run.ts';
import { loadScene } from '../../src/scene/file.ts';
import { captureOutput } from '../helpers/capture-output.ts';
import { ARM_OBSERVATION, defaultReply, FakeMqttRobot } from './fake-mqtt-robot.ts';
import { hasMosquitto, MOSQUITTO, startMosquitto, type Broker } from './mosquitto.ts';
import { waitFor } from '../helpers/async.ts';

type Vec3 = [number, number, number];

const PROGRAM = `const m = get_graspable_point('milk');
move_to_position([m[0], m[1], 0.2]);
move_to_position([2, 0, 0.2]);
`;

describe.skipIf(!hasMosquitto)(`robotool exec and run --robot against a real Mosquitto (skipped: ${MOSQUITTO} is not installed)`, () => {
  let broker: Broker;
  let dir: string;
  let program: string;
  const robots: FakeMqttRobot[] = [];
  beforeAll(async () => {
    broker = await startMosquitto();
    dir = await mkdtemp(join(tmpdir(), 'robotool-exec-robot-'));
    program = join(dir, 'program.js');
    await writeFile(program, PROGRAM);
  });
  afterAll(async () => {
    for (const r of robots) await r.close().catch(() => undefined);
    await broker?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** A fake robot on its own topic prefix; returns it and the --robot URL that reaches it. */
  async function robotOnBroker(): Promise<{ robot: FakeMqttRobot; url: string }> {
    const prefix = `exec-${randomUUID().slice(0, 8)}`;
    const robot = await FakeMqttRobot.start(broker.url, prefix);
    robots.push(robot);
    // The envelope checks paths and speeds from where the robot says it is (the fake republishes it as its heartbeat).
    await robot.publishObservation(ARM_OBSERVATION);
    // Motions move at FAKE_SPEED, under the scene's 0.2 m/s limit, and take that long.
    return { robot, url: `${broker.url}?prefix=${prefix}` };
  }

  async function exec(...flags: string[]): Promise<{ code: number; report: Record<string, unknown>; robot: FakeMqttRobot }> {
    const { robot, url } = await robotOnBroker();
    const out = await captureOutput(() => execCommand([program, '--scene', 'reach-milk', '--robot', url, '--json', ...flags]));
    return { code: out.code, report: JSON.parse(out.stdout) as Record<string, unknown>, robot };
  }

  it('sends the program’s calls to the robot, with a target outside the scene’s workspace clamped into it', async () => {
    const scene = await loadScene('reach-milk');
    const ws = scene.robot.kind === 'arm' ? scene.robot.workspace : null;
    const { code, report, robot } = await exec();
    expect(code).toBe(0);
    expect(report).toMatchObject({ success: true, error: null });
    expect(robot.requests.map((r) => r.skill)).toEqual(['get_graspable_point', 'move_to_position', 'move_to_position']);
    const sent = robot.requests[2]!.args[0] as Vec3;
    expect(sent[0]).toBeCloseTo(ws!.max[0], 9);
    expect((report.events as { type: string }[]).map((e) => e.type)).toEqual(['warning']);
  });

  it('with --workspace reject, the out-of-workspace call never reaches the robot, which is told to stop', async () => {
    const { code, report, robot } = await exec('--workspace', 'reject');
    expect(code).toBe(1);
    expect(report.error).toMatchObject({ type: 'SafetyError' });
    expect(robot.requests.map((r) => r.skill)).toEqual(['get_graspable_point', 'move_to_position']);
    await robot.waitFor(() => robot.stops.length >= 1);
  });

  it('run --robot plans from the scene, verifies in a simulated twin, and executes the chosen program on the robot', async () => {
    const { robot, url } = await robotOnBroker();
    const out = await captureOutput(() => runCommand(['grasp the milk', '--scene', 'reach-milk', '--robot', url, '--json']));
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as { success: boolean; reason: string; candidates: { success: boolean }[]; calls: { skill: string }[] };
    expect(report.success).toBe(true);
    expect(report.reason).toBe('program ran to its end');
    // Verified in the twin first (the tool-use plan), then every call of it went to the robot, in order.
    expect(report.candidates.at(-1)).toMatchObject({ success: true });
    expect(report.calls.length).toBeGreaterThan(8);
    expect(robot.requests.map((r) => r.skill)).toEqual(report.calls.map((c) => c.skill));
  });

  for (const command of ['exec', 'run'] as const) {
    it(`Ctrl-C during ${command} --robot tells the robot to stop and exits 130`, async () => {
      const { robot, url } = await robotOnBroker();
      // The robot answers queries but never finishes a motion: the program waits on it.
      robot.reply = (req) => (req.skill.startsWith('get_') ? defaultReply(req) : null);
      const args = command === 'exec' ? [program, '--scene', 'reach-milk'] : ['grasp the milk', '--scene', 'reach-milk'];
      const child = spawn(process.execPath, ['bin/robotool.mjs', command, ...args, '--robot', url], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await robot.waitFor(() => robot.requests.some((r) => !r.skill.startsWith('get_')), 90_000);
        child.kill('SIGINT');
        expect(await exited).toBe(130);
        await robot.waitFor(() => robot.stops.length >= 1);
        expect(stderr).toMatch(/interrupted \(SIGINT\): stopping the robot/);
        // A stop robotool sent for the interrupt, not only the broker's last will for a dropped link.
        expect(robot.stops.map((x) => x.reason)).toContainEqual(expect.stringMatching(/interrupted|cancelled/));
        expect(robot.stops.every((x) => x.will !== true)).toBe(true);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }, 150_000);
  }

  // npx runs robotool through npm exec and a shell; the signal goes to npm, not to robotool.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} sent to the npx process during exec --robot stops the robot`, async () => {
      const { robot, url } = await robotOnBroker();
      robot.reply = (req) => (req.skill.startsWith('get_') ? defaultReply(req) : null);
      const child = spawn('npx', ['robotool', 'exec', program, '--scene', 'reach-milk', '--robot', url], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await robot.waitFor(() => robot.requests.some((r) => !r.skill.startsWith('get_')), 90_000);
        child.kill(signal);
        await robot.waitFor(() => robot.stops.length >= 1, 5000);
        // robotool itself sent it (its reason names the cancelled program), not the broker's last will.
        expect(robot.stops[0]).toMatchObject({ reason: expect.stringMatching(/cancelled/) });
        expect(robot.stops[0]?.will).toBeUndefined();
        expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
        expect(stderr).toMatch(signal === 'SIGINT' ? /interrupted \(SIGINT\): stopping the robot/ : /terminated \(SIGTERM\): stopping the robot/);
        // It let go of the robot on its way out.
        expect(robot.holder).toBeNull();
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }, 150_000);
  }

  it('the broker killed mid-motion: exec --json prints the outcome within 5 s, exits 3, and the stop reaches the robot once the broker is back', async () => {
    const own = await startMosquitto();
    let again: Broker | undefined;
    const prefix = `exec-${randomUUID().slice(0, 8)}`;
    const robot = await FakeMqttRobot.start(own.url, prefix);
    robots.push(robot);
    await robot.publishObservation(ARM_OBSERVATION);
    robot.reply = (req) => (req.skill.startsWith('get_') ? defaultReply(req) : null);
    const child = spawn(process.execPath, ['bin/robotool.mjs', 'exec', program, '--scene', 'reach-milk', '--robot', `${own.url}?prefix=${prefix}`, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let reportAt = 0;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!reportAt && stdout.trimEnd().endsWith('}')) reportAt = Date.now();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await robot.waitFor(() => robot.requests.some((r) => !r.skill.startsWith('get_')), 90_000);
      const killedAt = Date.now();
      await own.stop();
      await waitFor(() => reportAt > 0, 5000, 'no outcome within 5 s of the broker dying');
      expect(reportAt - killedAt).toBeLessThan(5000);
      const report = JSON.parse(stdout) as { success: boolean; fault: { kind: string; message: string }; error: { type: string; message: string } };
      expect(report.success).toBe(false);
      expect(report.fault).toMatchObject({ kind: 'broker-lost', message: expect.stringMatching(/lost the connection to the MQTT broker/) });
      expect(report.error.message).toMatch(/move_to_position: the mqtt backend failed: lost the connection/);
      // The broker comes back on the same port; robotool, still within its grace period, delivers the stop.
      again = await startMosquitto({ port: own.port });
      const robotAgain = await FakeMqttRobot.start(again.url, prefix);
      robots.push(robotAgain);
      await robotAgain.waitFor(() => robotAgain.stops.length >= 1, 8000);
      expect(robotAgain.stops[0]?.reason).toMatch(/lost the connection to the MQTT broker/);
      expect(await exited).toBe(3);
      expect(stderr).toMatch(/the stop reached the broker after the fault \(broker-lost\)/);
      expect(robotAgain.requests).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await own.stop();
      await again?.stop();
    }
  }, 150_000);
});

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `robotool view --scene TASK "COMMAND"` runs the episode live and honours --port and --no-open;
 * with --keep-open the view stays up after the episode until Ctrl-C, and says so. Without a
 * terminal and without --keep-open it closes with the episode, and says that too.
 */

const pids: number[] = [];
afterAll(() => {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function start(args: string[]) {
  const child = spawn(process.execPath, ['bin/robotool.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  pids.push(child.pid!);
  const out = { text: '' };
  child.stdout!.on('data', (d: Buffer) => void (out.text += String(d)));
  child.stderr!.on('data', (d: Buffer) => void (out.text += String(d)));
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  const until = (re: RegExp, ms: number): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const m = re.exec(out.text);
        if (m) {
          clearInterval(timer);
          clearTimeout(limit);
          resolve(m);
        }
      };
      const timer = setInterval(check, 50);
      const limit = setTimeout(() => {
        clearInterval(timer);
        reject(new Error(`no ${re} after ${ms} ms:\n${out.text}`));
      }, ms);
    });
  return { child, out, exited, until };
}

describe('view --scene TASK "COMMAND"', () => {
  it('--port, --no-open and --keep-open: serves on that port and stays up after the episode until Ctrl-C', async () => {
    const port = await freePort();
    const p = start(['view', '--scene', 'press-button', 'press the button', '--port', String(port), '--no-open', '--keep-open']);
    const [, url] = await p.until(/view: (http:\/\/\S+)/, 30_000);
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    await p.until(/the episode is over; the view stays open at http:\/\/127\.0\.0\.1:\d+\/ until Ctrl-C/, 60_000);
    expect(p.out.text).toMatch(/SUCCESS/);
    // Still serving after the episode, a while later.
    await new Promise((r) => setTimeout(r, 1500));
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('client.js');
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
  }, 120_000);

  it('without --keep-open and without a terminal, closes with the episode and says how to keep it', async () => {
    const p = start(['view', '--scene', 'press-button', 'press the button', '--no-open']);
    expect(await p.exited).toBe(0);
    expect(p.out.text).toMatch(/view closed with the episode \(--keep-open keeps it up until Ctrl-C\)/);
  }, 120_000);
});

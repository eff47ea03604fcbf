import { vi } from 'vitest';

/** What a CLI command returned and wrote to stdout and stderr. */
export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Calls a CLI command in this process (no start-up cost), capturing what it writes to stdout and stderr. */
export async function captureOutput(command: () => Promise<number>): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await command(), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

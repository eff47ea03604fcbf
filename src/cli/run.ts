/** `robotool run` (placeholder until it lands). */
export default async function runCommand(_argv: string[]): Promise<number> {
  process.stderr.write('robotool run: not implemented yet\n');
  return 2;
}

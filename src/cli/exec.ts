/** `robotool exec` (placeholder until it lands). */
export default async function execCommand(_argv: string[]): Promise<number> {
  process.stderr.write('robotool exec: not implemented yet\n');
  return 2;
}

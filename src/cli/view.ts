/** `robotool view` (placeholder until it lands). */
export default async function viewCommand(_argv: string[]): Promise<number> {
  process.stderr.write('robotool view: not implemented yet\n');
  return 2;
}

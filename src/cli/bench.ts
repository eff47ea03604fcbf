/** `robotool bench` (placeholder until it lands). */
export default async function benchCommand(_argv: string[]): Promise<number> {
  process.stderr.write('robotool bench: not implemented yet\n');
  return 2;
}

/** `robotool render` (placeholder until it lands). */
export default async function renderCommand(_argv: string[]): Promise<number> {
  process.stderr.write('robotool render: not implemented yet\n');
  return 2;
}

/** `robotool scene` (placeholder until it lands). */
export default async function sceneCommand(_argv: string[]): Promise<number> {
  process.stderr.write('robotool scene: not implemented yet\n');
  return 2;
}

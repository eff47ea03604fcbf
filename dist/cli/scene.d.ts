/** `robotool scene …`: scene files. */
export default function sceneCommand(argv: string[]): Promise<number>;
//# sourceMappingURL=scene.d.ts.map
/** `robotool view --scene TASK | --replay FILE.mcap`. */
export default function viewCommand(argv: string[]): Promise<number>;
//# sourceMappingURL=view.d.ts.map
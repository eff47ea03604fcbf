/** `robotool render --scene TASK [--replay FILE.mcap --at SECONDS] --out FILE.png`. */
export default function renderCommand(argv: string[]): Promise<number>;
//# sourceMappingURL=render.d.ts.map
import type { EpisodePlanner } from '../episode/episode.ts';
/** One task's benchmark figures. */
export interface TaskBenchResult {
    task: string;
    seeds: number;
    successes: number;
    rate: number;
    meanPlanSeconds: number;
    meanExecSeconds: number;
    meanWallSeconds: number;
    maxWallSeconds: number;
    failures: {
        seed: number;
        reason: string;
    }[];
}
export interface BenchOptions {
    tasks: string[];
    seeds: number;
    firstSeed?: number;
    planner: EpisodePlanner;
    rename?: boolean;
    onProgress?: (done: number, total: number, task: string, ok: boolean) => void;
}
/** Runs the benchmark; pure of I/O apart from loading scenes. */
export declare function runBench(opts: BenchOptions): Promise<TaskBenchResult[]>;
/** `robotool bench`. */
export default function benchCommand(argv: string[]): Promise<number>;
//# sourceMappingURL=bench.d.ts.map
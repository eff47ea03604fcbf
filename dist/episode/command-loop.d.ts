import { Observable } from 'rxjs';
import type { EpisodeEvent } from './events.ts';
/** An e-stop, as the command loop reports it. */
export interface EstopEvent {
    type: 'estop';
    reason: string;
}
/**
 * The robot's command loop: each new command cancels the running episode (switchMap
 * unsubscribes it, and an episode's teardown stops the robot); an e-stop cancels the running
 * episode and ends the loop. Restarting after an e-stop is an explicit act (a new loop, and
 * releasing the safety envelope's latch).
 */
export declare function commandLoop(commands$: Observable<string>, estop$: Observable<string>, episode: (command: string) => Observable<EpisodeEvent>): Observable<EpisodeEvent | EstopEvent>;
//# sourceMappingURL=command-loop.d.ts.map
import { Observable, map, merge, share, switchMap, take, takeUntil } from 'rxjs';
/**
 * The robot's command loop: each new command cancels the running episode (switchMap
 * unsubscribes it, and an episode's teardown stops the robot); an e-stop cancels the running
 * episode and ends the loop. Restarting after an e-stop is an explicit act (a new loop, and
 * releasing the safety envelope's latch).
 */
export function commandLoop(commands$, estop$, episode) {
    const stop$ = estop$.pipe(take(1), share());
    return merge(commands$.pipe(switchMap((command) => episode(command)), takeUntil(stop$)), stop$.pipe(map((reason) => ({ type: 'estop', reason }))));
}
//# sourceMappingURL=command-loop.js.map
/**
 * The layers of src/ and the one direction imports may run (docs/ARCHITECTURE.md explains them).
 * `npm run lint` runs this; a violation names the importing file, the imported one and the rule.
 *
 *   cli -> viewer -> episode -> planner -> perception -> skills -> scene
 *                          \-> sim, bridge (backends that implement the skills' contract)
 *   policies: hand environments, training and ONNX; import scene (and sim's Rapier loader) only.
 *   scale: runs episodes and rollouts as jobs (worker threads, the Redis queue); only cli uses it.
 */
const layer = (name) => `^src/${name}/`;

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import circles make load order matter and hide which module owns what.', from: {}, to: { circular: true } },
    { name: 'nothing-imports-cli', severity: 'error', comment: 'The CLI is the top: parse, call the library, print.', from: { pathNot: ['^src/cli/', '^bin/', '^test/', '^bench/'] }, to: { path: layer('cli') } },
    { name: 'library-below-episode', severity: 'error', comment: 'The episode drives planners, skills and backends; they never reach up into it.', from: { path: '^src/(scene|perception|skills|planner|sim|bridge|policies)/' }, to: { path: layer('episode') } },
    { name: 'nothing-below-imports-viewer', severity: 'error', comment: 'The viewer listens to episodes; nothing the episode uses depends on it.', from: { path: '^src/(scene|perception|skills|planner|sim|bridge|policies|episode)/' }, to: { path: layer('viewer') } },
    { name: 'scene-is-the-bottom', severity: 'error', comment: 'The scene vocabulary is read by everyone and reads no one.', from: { path: layer('scene') }, to: { path: '^src/(?!scene/)' } },
    { name: 'skills-know-no-backend', severity: 'error', comment: 'The skill API, sandbox and envelope are the contract; the simulator and the bridges implement it.', from: { path: layer('skills') }, to: { path: '^src/(sim|bridge|planner|viewer|policies)/' } },
    { name: 'perception-below-skills-users', severity: 'error', comment: 'Observations are data; perception does not depend on who plans or executes, and reads depth images, never the simulator.', from: { path: layer('perception') }, to: { path: '^src/(sim|planner|bridge|viewer|policies)/' } },
    { name: 'planner-needs-no-backend', severity: 'error', comment: 'Planners see observations and propose programs; the episode runs them on a backend.', from: { path: layer('planner') }, to: { path: '^src/(sim|bridge|viewer|policies)/' } },
    { name: 'sim-is-a-backend', severity: 'error', comment: 'The simulator implements the skills; it needs no planner, bridge or viewer.', from: { path: layer('sim') }, to: { path: '^src/(bridge|planner|viewer|policies)/' } },
    { name: 'bridge-is-a-backend', severity: 'error', comment: 'A real robot needs neither the simulator nor a planner loaded.', from: { path: layer('bridge') }, to: { path: '^src/(sim|planner|viewer|policies)/' } },
    { name: 'testing-is-for-users-tests', severity: 'error', comment: 'Test doubles are exported for users (robotool/testing); the library itself never runs on them.', from: { path: '^src/', pathNot: ['^src/testing/', '^src/index\\.ts$'] }, to: { path: '^src/testing/' } },
    { name: 'only-cli-runs-jobs', severity: 'error', comment: 'src/scale runs episodes and rollouts as jobs on threads or a queue; the library below it never schedules itself.', from: { path: '^src/(scene|perception|skills|planner|sim|bridge|policies|episode|viewer)/' }, to: { path: layer('scale') } },
    { name: 'policies-stand-alone', severity: 'error', comment: 'Policies are trained and run without planners, episodes or bridges.', from: { path: layer('policies') }, to: { path: '^src/(planner|bridge|viewer|episode|perception)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['^src/viewer/client/'] },
  },
};

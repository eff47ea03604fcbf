// Soften the vase's fall: push the cushion round the table to below its far (+x) edge, climb
// the steps, cross the table and push the vase off that edge onto the cushion.
const table = get_position('table');
const tableSize = get_size('table');
const vase = get_position('vase');
const cushion = get_position('cushion');
const cushionSize = get_size('cushion');
const s1 = get_position('step_low');
const s1Size = get_size('step_low');
const s2 = get_position('step_high');

// The vase stands nearest the +x edge: it goes off there, in line with its centre.
const edgeX = table[0] + tableSize[0] / 2;
const landing = [edgeX + cushionSize[0] / 2 + 0.03, vase[1]];

// Round the table on its -y side, 25 cm clear of it: along x well past the far edge, along y
// to the landing spot's line, then in towards the edge (pushed along the table's side at 3 cm,
// the cushion would rub it).
// After each push the robot stands against the cushion, facing it: it first steps 12 cm
// straight back (so close, it translates without turning), since turning in place there would
// sweep its body into the cushion.
function pushCushion(target) {
  const c = get_position('cushion');
  const d = [target[0] - c[0], target[1] - c[1]];
  const n = Math.hypot(d[0], d[1]);
  const r = push_to_position('cushion', [target[0], target[1], cushion[2]]);
  const now = get_position('cushion');
  const back = cushionSize[0] / 2 + 0.33 + 0.12;
  walk_to_position([now[0] - (d[0] / n) * back, now[1] - (d[1] / n) * back, 0]);
  return r;
}
const laneY = Math.min(cushion[1], table[1] - tableSize[1] / 2 - cushionSize[1] / 2 - 0.25);
const outX = landing[0] + 0.45;
pushCushion([cushion[0], laneY]);
pushCushion([outX, laneY]);
pushCushion([outX, landing[1]]);
pushCushion([landing[0], landing[1]]);

// Walk back round the table's -y side to the foot of the steps and climb them onto the table.
const aroundY = laneY - cushionSize[1] / 2 - 0.45;
const stairsStart = s1[0] - s1Size[0] / 2 - 0.45;
walk_to_position([outX + cushionSize[0] / 2 + 0.45, aroundY, 0]);
walk_to_position([stairsStart, aroundY, 0]);
walk_to_position([stairsStart, s1[1], 0]);
walk_to_position([s2[0], s1[1], 0]);
walk_to_position([table[0] - tableSize[0] / 2 + 0.4, s1[1], table[2]]);

// Push the vase over the far edge until its centre is 15 cm past it.
push_to_position('vase', [edgeX + 0.15, vase[1], vase[2]]);

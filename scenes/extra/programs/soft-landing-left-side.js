// Soften the vase's fall: push the cushion round the dresser's near end to below its left
// (+y) edge, walk round to the steps on the far side, climb onto the dresser and push the vase
// off the left edge onto the cushion.
const dresser = get_position('dresser');
const dresserSize = get_size('dresser');
const vase = get_position('vase');
const cushion = get_position('cushion');
const cushionSize = get_size('cushion');
const s1 = get_position('step_low');
const s1Size = get_size('step_low');
const s2 = get_position('step_high');

const edgeY = dresser[1] + dresserSize[1] / 2;
const landing = [vase[0], edgeY + cushionSize[1] / 2 + 0.03];

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

// Past the dresser's near end, 25 cm clear of it, up to the landing's line, then along it.
const laneX = Math.min(cushion[0], dresser[0] - dresserSize[0] / 2 - cushionSize[0] / 2 - 0.25);
if (Math.abs(cushion[0] - laneX) > 0.02) pushCushion([laneX, cushion[1]]);
pushCushion([laneX, landing[1]]);
pushCushion([landing[0], landing[1]]);

// Round the cushion and the dresser's left side to the foot of the steps, and up.
const aroundY = landing[1] + cushionSize[1] / 2 + 0.45;
const stairsStart = s1[0] + s1Size[0] / 2 + 0.45;
const here = landing[0] - cushionSize[0] / 2 - 0.33 - 0.12;
walk_to_position([here, aroundY, 0]);
walk_to_position([stairsStart, aroundY, 0]);
walk_to_position([stairsStart, s1[1], 0]);
walk_to_position([s1[0], s1[1], 0]);
walk_to_position([s2[0], s1[1], 0]);
walk_to_position([dresser[0] + dresserSize[0] / 2 - 0.35, s1[1], dresser[2]]);

// Push the vase over the left edge until its centre is 15 cm past it.
push_to_position('vase', [vase[0], edgeY + 0.15, vase[2]]);

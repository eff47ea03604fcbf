// Fetch the plank from the side table onto the start platform, push it across the gap until
// its far end rests 15 cm on the target platform, and walk over it.
const from = get_position('start_platform');
const fromSize = get_size('start_platform');
const to = get_position('platform');
const toSize = get_size('platform');
const plank = get_position('plank');
const plankSize = get_size('plank');
const edge1 = from[0] + fromSize[0] / 2;
const edge2 = to[0] - toSize[0] / 2;

// Onto the side table, behind the plank (the side away from the platform), arriving along +y
// so that the robot already faces the way it will push.
const behind = plank[1] - plankSize[1] / 2 - 0.5;
walk_to_position([plank[0], behind - 0.3, plank[2]]);
walk_to_position([plank[0], behind, plank[2]]);

// Push it sideways onto the start platform, in line with the target.
push_to_position('plank', [plank[0], to[1], plank[2]]);

// Back off, then push it along its length across the gap.
walk_to_position([plank[0], to[1] - plankSize[1] / 2 - 0.4, 0]);
const bearing = 0.15;
push_to_position('plank', [edge2 + bearing - plankSize[0] / 2, to[1], plank[2]]);

// Up onto the plank over the middle of the gap, then on until the body is over the target.
const top = to[2] + toSize[2] / 2;
walk_to_position([(edge1 + edge2) / 2, to[1], top]);
walk_to_position([Math.max(to[0], edge2 + bearing + 0.21), to[1], top]);

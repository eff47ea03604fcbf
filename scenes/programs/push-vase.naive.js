// Without a tool: climb the stairs onto the sofa and push the vase straight off its nearest edge.
const sofa = get_position('sofa');
const sofaSize = get_size('sofa');
const vase = get_position('vase');
const vaseSize = get_size('vase');
const cushion = get_position('cushion');
const cushionSize = get_size('cushion');
const b1 = get_position('box_1');
const b1Size = get_size('box_1');
const b2 = get_position('box_2');
const b2Size = get_size('box_2');

// Walk round the cushion (it is in the way, not a tool here) and onto the first stair at an
// angle, climb the stairs in a lane clear of the vase, and push the vase off the sofa's +y edge.
const edgeY = sofa[1] + sofaSize[1] / 2;
const laneY = Math.max(b2[1] - b2Size[1] / 2 + 0.15, Math.min(b2[1], vase[1] - vaseSize[1] / 2 - 0.2));
const stairsStart = b1[0] - b1Size[0] / 2 - 0.45;
const aroundY = cushion[1] - cushionSize[1] / 2 - 0.3;
walk_to_position([0, aroundY, 0]);
walk_to_position([stairsStart, aroundY, 0]);
walk_to_position([b1[0], laneY, 0]);
walk_to_position([b2[0], laneY, 0]);
walk_to_position([sofa[0] - sofaSize[0] / 2 + 0.4, laneY, sofa[2]]);
push_to_position('vase', [vase[0], edgeY + 0.15, vase[2]]);

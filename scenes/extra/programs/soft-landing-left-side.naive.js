// Without the cushion: walk round to the steps, climb onto the dresser and push the vase off its nearest edge.
const dresser = get_position('dresser');
const dresserSize = get_size('dresser');
const vase = get_position('vase');
const s1 = get_position('step_low');
const s1Size = get_size('step_low');
const s2 = get_position('step_high');
const edgeY = dresser[1] + dresserSize[1] / 2;
const aroundY = edgeY + 0.5;
const stairsStart = s1[0] + s1Size[0] / 2 + 0.45;
walk_to_position([0, aroundY, 0]);
walk_to_position([stairsStart, aroundY, 0]);
walk_to_position([stairsStart, s1[1], 0]);
walk_to_position([s1[0], s1[1], 0]);
walk_to_position([s2[0], s1[1], 0]);
walk_to_position([dresser[0] + dresserSize[0] / 2 - 0.35, s1[1], dresser[2]]);
push_to_position('vase', [vase[0], edgeY + 0.15, vase[2]]);

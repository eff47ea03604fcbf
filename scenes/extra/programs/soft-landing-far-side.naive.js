// Without the cushion: climb the steps onto the table and push the vase off its nearest edge.
const table = get_position('table');
const tableSize = get_size('table');
const vase = get_position('vase');
const s1 = get_position('step_low');
const s1Size = get_size('step_low');
const s2 = get_position('step_high');
const edgeX = table[0] + tableSize[0] / 2;
const stairsStart = s1[0] - s1Size[0] / 2 - 0.45;
walk_to_position([stairsStart, s1[1], 0]);
walk_to_position([s2[0], s1[1], 0]);
walk_to_position([table[0] - tableSize[0] / 2 + 0.4, s1[1], table[2]]);
push_to_position('vase', [edgeX + 0.15, vase[1], vase[2]]);

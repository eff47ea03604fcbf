// Without a tool: walk straight onto sofa_2.
const to = get_position('sofa_2');
const toSize = get_size('sofa_2');
walk_to_position([to[0], to[1], to[2] + toSize[2] / 2]);

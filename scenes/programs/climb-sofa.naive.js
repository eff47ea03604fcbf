// Without a tool: walk straight onto the sofa.
const sofa = get_position('sofa');
const sofaSize = get_size('sofa');
walk_to_position([sofa[0], sofa[1], sofa[2] + sofaSize[2] / 2]);

// Without building stairs: walk round the furniture and straight onto the loft.
const loft = get_position('loft');
const loftSize = get_size('loft');
walk_to_position([-0.8, 0, 0]);
walk_to_position([-0.8, loft[1] - loftSize[1] / 2 - 0.5, 0]);
walk_to_position([loft[0], loft[1] - loftSize[1] / 2 - 0.5, 0]);
walk_to_position([loft[0], loft[1], loftSize[2]]);

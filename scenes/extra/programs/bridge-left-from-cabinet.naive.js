// Without a bridge: walk straight to the landing.
const to = get_position('landing');
const toSize = get_size('landing');
walk_to_position([to[0], to[1], to[2] + toSize[2] / 2]);

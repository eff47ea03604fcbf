// Without a bridge: walk straight across to the platform.
const to = get_position('platform');
const toSize = get_size('platform');
walk_to_position([to[0], to[1], to[2] + toSize[2] / 2]);

// Without building stairs: walk straight to the bed and onto it.
const bed = get_position('bed');
const bedSize = get_size('bed');
walk_to_position([bed[0], bed[1], bedSize[2]]);

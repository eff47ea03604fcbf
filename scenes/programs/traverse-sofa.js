// Bridge the gap between the sofas with the surfboard, then walk across it onto sofa_2.
const from = get_position('sofa_1');
const fromSize = get_size('sofa_1');
const to = get_position('sofa_2');
const toSize = get_size('sofa_2');
const board = get_position('surfboard');
const boardSize = get_size('surfboard');

// The gap runs along x, from sofa_1's far edge to sofa_2's near edge.
const edge1 = from[0] + fromSize[0] / 2;
const edge2 = to[0] - toSize[0] / 2;

// Push the surfboard along its own line until its far end rests 15 cm onto sofa_2: it then
// bridges the gap with the rest of its length on sofa_1, and most of sofa_2 stays free.
const bearing = 0.15;
push_to_position('surfboard', [edge2 + bearing - boardSize[0] / 2, board[1], board[2]]);

// Walk up onto the board over the middle of the gap, then on until the whole body (0.65 m long)
// is past the board's end, over sofa_2.
const top = to[2] + toSize[2] / 2;
walk_to_position([(edge1 + edge2) / 2, board[1], top]);
walk_to_position([Math.max(to[0], edge2 + bearing + 0.21), to[1], top]);

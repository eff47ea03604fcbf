// Fetch the board from the cabinet onto the deck, in line with the landing; push it left
// across the gap until its far end rests 15 cm on the landing; walk over it.
const deck = get_position('deck');
const deckSize = get_size('deck');
const to = get_position('landing');
const toSize = get_size('landing');
const board = get_position('board');
const boardSize = get_size('board');
const edge1 = deck[1] + deckSize[1] / 2; // the deck's left edge
const edge2 = to[1] - toSize[1] / 2; // the landing's near edge
const bearing = 0.15;

// Push the board forward off the cabinet onto the deck, lined up with the landing, and
// back away from it.
push_to_position('board', [to[0], board[1], board[2]]);
walk_to_position([to[0] - boardSize[0] / 2 - 0.5, board[1], 0]);

// Push it left along its length over the gap.
push_to_position('board', [to[0], edge2 + bearing - boardSize[1] / 2, board[2]]);

// Up onto the board over the middle of the gap, then on until the body is over the landing.
const top = to[2] + toSize[2] / 2;
walk_to_position([to[0], (edge1 + edge2) / 2, top]);
walk_to_position([to[0], Math.max(to[1], edge2 + bearing + 0.21), top]);

// Make stairs: push box_1 against box_2 on the side away from the sofa, so that the floor,
// box_1, box_2 and the sofa rise by no more than the robot's step each; then climb them.
const sofa = get_position('sofa');
const sofaSize = get_size('sofa');
const b1 = get_position('box_1');
const b1Size = get_size('box_1');
const b2 = get_position('box_2');
const b2Size = get_size('box_2');

// box_2 stands on the sofa's -x side: box_1 goes against box_2's -x face, 1 cm short of it.
const stairX = b2[0] - b2Size[0] / 2 - b1Size[0] / 2 - 0.01;
push_to_position('box_1', [stairX, b2[1], b1[2]]);

// Line up in front of the stairs, then climb box_1, box_2 and the sofa.
walk_to_position([stairX - b1Size[0] / 2 - 0.45, b2[1], 0]);
walk_to_position([stairX, b2[1], b1Size[2]]);
walk_to_position([b2[0], b2[1], b2Size[2]]);
walk_to_position([sofa[0], sofa[1], sofaSize[2]]);

// Hook the rake's knob with the cane's foot and pull the rake into reach; then hook the juice
// box with the rake's head, drag it into reach and grasp it.
// The cane: a 2.5 cm bar (held at its graspable point) with a 2.5 cm thick foot at its far end
// pointing right (-y) to its bounding box's edge. The rake: held by its knob (3 cm wide, on
// the handle's near end); its 1.5 cm head is the far end of its bounding box.
const ws = get_workspace_range();
const FOOT = 0.025;
const BAR = 0.025;
const KNOB_W = 0.03;
const HEAD = 0.015;
const cane = get_center('cane');
const caneSize = get_size('cane');
const caneGrip = get_graspable_point('cane');
const rake = get_center('rake');
const rakeSize = get_size('rake');
const knob = get_graspable_point('rake');
const juice = get_center('juice_box');
const juiceSize = get_size('juice_box');

// 1. Pick up the cane.
move_to_position([caneGrip[0], caneGrip[1], caneGrip[2] + 0.08]);
move_to_position(caneGrip);
close_gripper();
const caneReach = cane[0] + caneSize[0] / 2 - caneGrip[0]; // gripper to the foot's far face
const caneBelow = caneGrip[2] - (cane[2] - caneSize[2] / 2); // gripper above the cane's underside

// 2. Foot 1 cm beyond the knob, bar 8 mm to the knob's left, the cane's underside 3 cm up:
// above the rake's handle, level with its knob.
const rakeTop = rake[2] + rakeSize[2] / 2;
const carryZ = rakeTop + 0.04 + caneBelow;
const knobFar = knob[0] + 0.0125;
const hookX = knobFar + 0.01 + FOOT - caneReach;
const hookY = knob[1] + KNOB_W / 2 + 0.008 + BAR / 2;
const hookZ = 0.03 + caneBelow;
move_to_position([caneGrip[0], caneGrip[1], carryZ]);
move_to_position([hookX, hookY, carryZ]);
move_to_position([hookX, hookY, hookZ]);

// 3. Pull the rake back until its knob is 10 cm inside the workspace's far edge.
const pull = knob[0] - (ws[0][1] - 0.1);
move_to_position([hookX - pull, hookY, hookZ]);

// 4. Lift the cane away to the left and put it down out of the way.
move_to_position([hookX - pull, hookY, carryZ]);
move_to_position([hookX - pull, ws[1][1] - 0.03, carryZ]);
move_to_position([hookX - pull, ws[1][1] - 0.03, caneGrip[2] + 0.005]);
open_gripper();
move_to_position([hookX - pull, ws[1][1] - 0.03, carryZ]);

// 5. Pick up the rake by its knob.
const grip = get_graspable_point('rake');
const rakeNow = get_center('rake');
move_to_position([grip[0], grip[1], grip[2] + 0.06]);
move_to_position(grip);
close_gripper();
const headInner = rakeNow[0] + rakeSize[0] / 2 - HEAD - grip[0]; // gripper to the head's inner face
const rakeBelow = grip[2] - (rakeNow[2] - rakeSize[2] / 2);

// 6. Over the juice box, head 1 cm behind it, the handle running 1 cm beside it on the left.
const juiceTop = juice[2] + juiceSize[2] / 2;
const liftZ = Math.min(ws[2][1], juiceTop + 0.03 + rakeBelow);
const dragX = juice[0] + juiceSize[0] / 2 + 0.01 - headInner;
const dragY = juice[1] + juiceSize[1] / 2 + 0.01 + BAR / 2;
const lowZ = grip[2] + 0.005;
move_to_position([grip[0], grip[1], liftZ]);
move_to_position([dragX, dragY, liftZ]);
move_to_position([dragX, dragY, lowZ]);

// 7. Drag the juice box until its centre is 8 cm inside the workspace's far edge; let go.
const drag = juice[0] - (ws[0][1] - 0.08);
move_to_position([dragX - drag, dragY, lowZ]);
open_gripper();
move_to_position([dragX - drag, dragY, liftZ]);

// 8. Grasp the juice box and lift it.
const j = get_graspable_point('juice_box');
move_to_position([j[0], j[1], j[2] + 0.06]);
move_to_position(j);
close_gripper();
move_to_position([j[0], j[1], j[2] + 0.1]);

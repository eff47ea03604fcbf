// Reach the milk with the hammer: hook its head behind the milk, drag the milk into reach, grasp it.
const ws = get_workspace_range();
const milk = get_center('milk');
const milkSize = get_size('milk');
const hammer = get_center('hammer');
const hammerSize = get_size('hammer');
const grip = get_graspable_point('hammer');

// Pick up the hammer by its handle.
move_to_position([grip[0], grip[1], grip[2] + 0.1]);
move_to_position(grip);
close_gripper();

// Geometry of the held hammer relative to the gripper.
const reach = hammer[0] + hammerSize[0] / 2 - grip[0]; // gripper to the far face of the head
const below = grip[2] - (hammer[2] - hammerSize[2] / 2); // gripper above the hammer's bottom
const milkBack = milk[0] + milkSize[0] / 2;
const milkTop = milk[2] + milkSize[2] / 2;

// Carry the hammer over the milk, then lower the head 2 cm behind the milk's back face,
// with the handle running 3 cm beside the milk.
const carryZ = Math.min(ws[2][1], milkTop + 0.03 + below);
const hookX = milkBack + 0.06 - reach;
const hookY = milk[1] - (milkSize[1] / 2 + 0.03);
const lowZ = grip[2] + 0.005;
move_to_position([grip[0], grip[1], carryZ]);
move_to_position([hookX, hookY, carryZ]);
move_to_position([hookX, hookY, lowZ]);

// Drag the milk back until its centre is 5 cm inside the workspace edge.
const pull = milk[0] - (ws[0][1] - 0.05) + 0.02;
move_to_position([hookX - pull, hookY, lowZ]);
open_gripper();
move_to_position([hookX - pull, hookY, carryZ]);

// Grasp the milk and lift it.
const m = get_graspable_point('milk');
move_to_position([m[0], m[1], m[2] + 0.06]);
move_to_position(m);
close_gripper();
move_to_position([m[0], m[1], m[2] + 0.1]);

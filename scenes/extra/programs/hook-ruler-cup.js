// Hook the cup with the ruler's short foot, drag it back and to the left into reach, grasp it.
// The ruler is an L: a 2.5 cm wide bar (held at its graspable point) with, at its far end, a
// 2.5 cm thick foot that sticks out to the right (-y) down to the edge of its bounding box.
const ws = get_workspace_range();
const cup = get_center('cup');
const cupSize = get_size('cup');
const ruler = get_center('ruler');
const rulerSize = get_size('ruler');
const grip = get_graspable_point('ruler');
const FOOT = 0.025; // thickness of the foot along the bar
const BAR = 0.025; // width of the bar

// Pick up the ruler by its bar.
move_to_position([grip[0], grip[1], grip[2] + 0.08]);
move_to_position(grip);
close_gripper();

// The held ruler relative to the gripper.
const reach = ruler[0] + rulerSize[0] / 2 - grip[0]; // gripper to the foot's far face
const below = grip[2] - (ruler[2] - rulerSize[2] / 2); // gripper above the ruler's underside
const cupBack = cup[0] + cupSize[0] / 2;
const cupTop = cup[2] + cupSize[2] / 2;

// Over the cup, then down with the foot's inner face 1 cm behind the cup and the bar 8 mm to
// its left: the foot's tip then lies just past the cup's centre line.
const carryZ = Math.min(ws[2][1], cupTop + 0.03 + below);
const hookX = cupBack + 0.01 + FOOT - reach;
const hookY = cup[1] + cupSize[1] / 2 + 0.008 + BAR / 2;
const lowZ = grip[2] + 0.005;
move_to_position([grip[0], grip[1], carryZ]);
move_to_position([hookX, hookY, carryZ]);
move_to_position([hookX, hookY, lowZ]);

// Drag back and to the left (towards the bar, so the cup cannot slip off the foot's tip) until
// the cup's centre is 8 cm inside the workspace's far edge.
const dx = cup[0] - (ws[0][1] - 0.08);
const dy = 0.05;
move_to_position([hookX - dx, hookY + dy, lowZ]);
open_gripper();
move_to_position([hookX - dx, hookY + dy, carryZ]);

// Grasp the cup and lift it.
const c = get_graspable_point('cup');
move_to_position([c[0], c[1], c[2] + 0.06]);
move_to_position(c);
close_gripper();
move_to_position([c[0], c[1], c[2] + 0.1]);

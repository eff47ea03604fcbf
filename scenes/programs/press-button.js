// Make a stick from the three magnetic cubes, hold it by its end and press the button with it.
// Sizes are read per cube, and the held stick is measured after every join, so that the
// program does not assume equal cubes or an exact join.
const ws = get_workspace_range();
const c1 = get_graspable_point('cube_1');
const c2 = get_center('cube_2');
const c3 = get_center('cube_3');
const size1 = get_size('cube_1');
const size2 = get_size('cube_2');
const size3 = get_size('cube_3');
const button = get_center('button');
const buttonSize = get_size('button');
const above = c1[2] + 0.04;
const low = c1[2] + 0.002;

// Pick up cube_1.
move_to_position([c1[0], c1[1], c1[2] + 0.06]);
move_to_position(c1);
close_gripper();

// Touch cube_2 from behind with cube_1 (2 mm into it): the magnets join them.
const join2 = c2[0] - size2[0] / 2 - (c1[0] + size1[0] / 2 - c1[0]) + 0.002;
move_to_position([c1[0], c1[1], above]);
move_to_position([join2 - 0.01, c2[1], above]);
move_to_position([join2 - 0.01, c2[1], low]);
move_to_position([join2, c2[1], low]);

// Touch cube_3 with the front of the two-cube stick.
const c2held = get_center('cube_2');
const reach2 = c2held[0] + size2[0] / 2 - join2;
const join3 = c3[0] - size3[0] / 2 - reach2 + 0.002;
move_to_position([join2, c2[1], above]);
move_to_position([join3 - 0.01, c3[1], above]);
move_to_position([join3 - 0.01, c3[1], low]);
move_to_position([join3, c3[1], low]);

// The three-cube stick: how far its tip reaches ahead of the gripper, and how far it hangs below it.
const c3held = get_center('cube_3');
const tipReach = c3held[0] + size3[0] / 2 - join3;
const tipBelow = low - (c3held[2] - size3[2] / 2);

// Carry the stick over the button, its tip as far towards the button's centre as the arm reaches,
// and press the tip 16 mm below the cap's top (contact and joint compliance take a few mm of that).
const top = button[2] + buttonSize[2] / 2;
const x = Math.min(ws[0][1], button[0] - tipReach);
move_to_position([join3, c3[1], top + tipBelow + 0.03]);
move_to_position([x, button[1], top + tipBelow + 0.03]);
move_to_position([x, button[1], top + tipBelow - 0.016]);
move_to_position([x, button[1], top + tipBelow + 0.03]);

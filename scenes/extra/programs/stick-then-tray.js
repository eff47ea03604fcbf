// Push the tin off its stand onto the tray with the stick, pull the tray (and the tin) back
// into reach by its handle, grasp the tin.
const ws = get_workspace_range();
const tin = get_center('tin');
const tinSize = get_size('tin');
const stand = get_center('stand');
const standSize = get_size('stand');
const stick = get_center('stick');
const stickSize = get_size('stick');
const g = get_graspable_point('stick');

// Pick up the stick (at its graspable point, its middle).
move_to_position([g[0], g[1], g[2] + 0.06]);
move_to_position(g);
close_gripper();

// Where to hold it: far enough forward that the stick spans the tin's x range to 2 cm past its
// centre, its underside 1 cm above the stand's top, on the tin's left (+y) side.
const ahead = stick[0] + stickSize[0] / 2 - g[0]; // gripper to the stick's far end
const gx = Math.min(ws[0][1], tin[0] + 0.02 - ahead + 0.04);
const standTop = stand[2] + standSize[2] / 2;
const gripAbove = g[2] - (stick[2] - stickSize[2] / 2);
const pushZ = standTop + 0.01 + gripAbove;
const startY = tin[1] + tinSize[1] / 2 + stickSize[1] / 2 + 0.015;
move_to_position([g[0], g[1], pushZ + 0.08]);
move_to_position([gx, startY, pushZ + 0.08]);
move_to_position([gx, startY, pushZ]);

// Push right until the tin's left face is 3 cm past the stand's right edge: it drops onto the tray.
const edge = stand[1] - standSize[1] / 2;
const endY = edge - 0.03 + stickSize[1] / 2;
move_to_position([gx, endY, pushZ]);

// Lift the stick clear and put it back down on the left.
move_to_position([gx, endY, pushZ + 0.08]);
move_to_position([g[0], g[1], pushZ + 0.08]);
move_to_position([g[0], g[1], g[2] + 0.005]);
open_gripper();
move_to_position([g[0], g[1], g[2] + 0.08]);

// Pull the tray back by its handle until the tin is 8 cm inside the workspace's far edge.
const handle = get_graspable_point('tray');
const tinNow = get_center('tin');
const pull = tinNow[0] - (ws[0][1] - 0.08);
move_to_position([handle[0], handle[1], handle[2] + 0.06]);
move_to_position(handle);
close_gripper();
move_to_position([handle[0] - pull, handle[1], handle[2]]);
open_gripper();
move_to_position([handle[0] - pull, handle[1], handle[2] + 0.08]);

// Grasp the tin and lift it.
const c = get_graspable_point('tin');
move_to_position([c[0], c[1], c[2] + 0.06]);
move_to_position(c);
close_gripper();
move_to_position([c[0], c[1], c[2] + 0.1]);

// Pull the tray to the right by its handle until the teacup on it is within reach, then grasp the cup.
const ws = get_workspace_range();
const cup = get_center('teacup');
const handle = get_graspable_point('tray');

// Grasp the handle.
move_to_position([handle[0], handle[1], handle[2] + 0.07]);
move_to_position(handle);
close_gripper();

// Slide the tray along -y until the cup's centre is 10 cm inside the workspace's left edge.
const pull = cup[1] - (ws[1][1] - 0.1);
move_to_position([handle[0], handle[1] - pull, handle[2]]);
open_gripper();
move_to_position([handle[0], handle[1] - pull, handle[2] + 0.08]);

// Grasp the cup where it is now and lift it.
const c = get_graspable_point('teacup');
move_to_position([c[0], c[1], c[2] + 0.07]);
move_to_position(c);
close_gripper();
move_to_position([c[0], c[1], c[2] + 0.1]);

// Join the two magnetic cubes into a stick, hold it by its end and press the bell with its tip.
const ws = get_workspace_range();
const a = get_graspable_point('magnet_a');
const sizeA = get_size('magnet_a');
const b = get_center('magnet_b');
const sizeB = get_size('magnet_b');
const bell = get_center('bell');
const bellSize = get_size('bell');
const above = Math.max(a[2], b[2]) + sizeB[2] / 2 + 0.04;
const low = a[2] + 0.002;

// Pick up magnet_a.
move_to_position([a[0], a[1], a[2] + 0.07]);
move_to_position(a);
close_gripper();

// Touch magnet_b's near face with magnet_a's far face (2 mm into it): the magnets join.
const join = b[0] - sizeB[0] / 2 - sizeA[0] / 2 + 0.002;
move_to_position([a[0], a[1], above]);
move_to_position([join - 0.02, b[1], above]);
move_to_position([join - 0.02, b[1], low]);
move_to_position([join, b[1], low]);

// The stick: how far its tip reaches ahead of the gripper and hangs below it.
const bHeld = get_center('magnet_b');
const tipReach = bHeld[0] + sizeB[0] / 2 - join;
const tipBelow = low - (bHeld[2] - sizeB[2] / 2);

// Over the bell, the tip as far towards the cap's centre as the arm reaches; press 16 mm down.
const top = bell[2] + bellSize[2] / 2;
const x = Math.min(ws[0][1], bell[0] - tipReach);
move_to_position([join, b[1], top + tipBelow + 0.03]);
move_to_position([x, bell[1], top + tipBelow + 0.03]);
move_to_position([x, bell[1], top + tipBelow - 0.016]);
move_to_position([x, bell[1], top + tipBelow + 0.03]);

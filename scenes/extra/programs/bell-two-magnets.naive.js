// Without a tool: press the bell with the closed gripper.
const b = get_center('bell');
const size = get_size('bell');
const top = b[2] + size[2] / 2;
close_gripper();
move_to_position([b[0], b[1], top + 0.05]);
move_to_position([b[0], b[1], top - 0.012]);
move_to_position([b[0], b[1], top + 0.05]);

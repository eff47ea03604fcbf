// Without a tool: reach for the tin, grasp it and lift it.
const c = get_graspable_point('tin');
move_to_position([c[0], c[1], c[2] + 0.06]);
move_to_position(c);
close_gripper();
move_to_position([c[0], c[1], c[2] + 0.1]);

// Without a tool: go straight for the milk, grasp it and lift it.
const m = get_graspable_point('milk');
move_to_position([m[0], m[1], m[2] + 0.06]);
move_to_position(m);
close_gripper();
move_to_position([m[0], m[1], m[2] + 0.1]);

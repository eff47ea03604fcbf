// Without a tool: reach straight for the cup, grasp it and lift it.
const c = get_graspable_point('cup');
move_to_position([c[0], c[1], c[2] + 0.06]);
move_to_position(c);
close_gripper();
move_to_position([c[0], c[1], c[2] + 0.1]);

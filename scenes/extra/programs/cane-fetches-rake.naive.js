// Without a tool: reach for the juice box, grasp it and lift it.
const j = get_graspable_point('juice_box');
move_to_position([j[0], j[1], j[2] + 0.06]);
move_to_position(j);
close_gripper();
move_to_position([j[0], j[1], j[2] + 0.1]);

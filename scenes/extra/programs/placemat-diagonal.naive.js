// Without a tool: reach for the bowl, grasp it and bring it in front of the arm.
const b = get_graspable_point('bowl');
move_to_position([b[0], b[1], b[2] + 0.07]);
move_to_position(b);
close_gripper();
move_to_position([b[0], b[1], b[2] + 0.07]);
move_to_position([0.3, 0, b[2] + 0.07]);
move_to_position([0.3, 0, b[2]]);
open_gripper();

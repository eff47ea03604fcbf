// Without a tool: reach for the sponge, grasp it and bring it in front of the arm.
const s = get_graspable_point('sponge');
move_to_position([s[0], s[1], s[2] + 0.06]);
move_to_position(s);
close_gripper();
move_to_position([s[0], s[1], s[2] + 0.06]);
move_to_position([s[0], 0, s[2] + 0.06]);
move_to_position([s[0], 0, s[2]]);
open_gripper();

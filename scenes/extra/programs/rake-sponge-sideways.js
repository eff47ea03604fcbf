// Rake the sponge in from the left: hold the rake by its knob, lower its head beyond the
// sponge's far side and draw it to the right until the sponge lies inside the workspace.
// The rake lies along y: its head (1.5 cm thick) is the left end of its bounding box.
const ws = get_workspace_range();
const sponge = get_center('sponge');
const spongeSize = get_size('sponge');
const rake = get_center('rake');
const rakeSize = get_size('rake');
const grip = get_graspable_point('rake');
const HEAD = 0.015;

// Pick up the rake by its knob.
move_to_position([grip[0], grip[1], grip[2] + 0.08]);
move_to_position(grip);
close_gripper();

// The held rake relative to the gripper.
const headInner = rake[1] + rakeSize[1] / 2 - HEAD - grip[1]; // gripper to the head's inner face, along y
const below = grip[2] - (rake[2] - rakeSize[2] / 2); // gripper above the rake's underside
const spongeFar = sponge[1] + spongeSize[1] / 2;
const spongeTop = sponge[2] + spongeSize[2] / 2;

// Lift, carry the head over and beyond the sponge, lower it 1 cm past the sponge's far side.
const carryZ = Math.min(ws[2][1], spongeTop + 0.03 + below);
const hookY = spongeFar + 0.01 - headInner;
const lowZ = grip[2] + 0.005;
move_to_position([grip[0], grip[1], carryZ]);
move_to_position([sponge[0], hookY, carryZ]);
move_to_position([sponge[0], hookY, lowZ]);

// Draw the rake to the right until the sponge's centre is 8 cm inside the workspace's left edge.
const pull = sponge[1] - (ws[1][1] - 0.08);
move_to_position([sponge[0], hookY - pull, lowZ]);
open_gripper();
move_to_position([sponge[0], hookY - pull, carryZ]);

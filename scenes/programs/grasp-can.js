// Push the can onto the paper with the stick, pull the paper (and the can) into reach, grasp the can.
const ws = get_workspace_range();
const can = get_center('can');
const canSize = get_size('can');
const paper = get_center('paper');
const paperSize = get_size('paper');
const ledge = get_center('ledge');
const ledgeSize = get_size('ledge');
const stick = get_center('stick');
const stickSize = get_size('stick');
const g = get_graspable_point('stick');

// Pick up the stick.
move_to_position([g[0], g[1], g[2] + 0.06]);
move_to_position(g);
close_gripper();

// Lower the stick beside the can (on the side away from the paper), 1 cm above the ledge.
const ledgeTop = ledge[2] + ledgeSize[2] / 2;
const gripAbove = g[2] - stick[2]; // gripper height above the stick's centre line
const pushZ = ledgeTop + 0.01 + stickSize[2] / 2 + gripAbove;
const startY = can[1] - canSize[1] / 2 - stickSize[1] / 2 - 0.02;
move_to_position([g[0], g[1], pushZ + 0.06]);
move_to_position([g[0], startY, pushZ + 0.06]);
move_to_position([g[0], startY, pushZ]);

// Push the can until its back face is 3 cm past both the ledge's edge and the paper's near edge
// (less leaves a larger can leaning on the lip's edge).
const edge = Math.max(ledge[1] + ledgeSize[1] / 2, paper[1] - paperSize[1] / 2);
const endY = edge + 0.03 - stickSize[1] / 2;
move_to_position([g[0], endY, pushZ]);

// Put the stick back where it was.
move_to_position([g[0], endY, pushZ + 0.06]);
move_to_position([g[0], g[1], pushZ + 0.06]);
move_to_position([g[0], g[1], g[2] + 0.01]);
open_gripper();
move_to_position([g[0], g[1], g[2] + 0.08]);

// Pull the paper by its tab until the can is 5 cm inside the workspace edge.
const tab = get_graspable_point('paper');
const canNow = get_center('can');
const pull = canNow[0] - (ws[0][1] - 0.05);
move_to_position([tab[0], tab[1], tab[2] + 0.06]);
move_to_position(tab);
close_gripper();
move_to_position([tab[0] - pull, tab[1], tab[2]]);
open_gripper();
move_to_position([tab[0] - pull, tab[1], tab[2] + 0.08]);

// Grasp the can and lift it.
const c = get_graspable_point('can');
move_to_position([c[0], c[1], c[2] + 0.07]);
move_to_position(c);
close_gripper();
move_to_position([c[0], c[1], c[2] + 0.1]);

// Pull the placemat back and to the left by its tab until the bowl on it is within reach.
const ws = get_workspace_range();
const bowl = get_center('bowl');
const tab = get_graspable_point('placemat');

move_to_position([tab[0], tab[1], tab[2] + 0.07]);
move_to_position(tab);
close_gripper();

// Move the tab by the same displacement that puts the bowl's centre 8 cm inside the workspace
// on both the far (x) and the right (y) edges.
const dx = Math.max(0, bowl[0] - (ws[0][1] - 0.08));
const dy = Math.max(0, ws[1][0] + 0.08 - bowl[1]);
move_to_position([tab[0] - dx, tab[1] + dy, tab[2]]);
open_gripper();
move_to_position([tab[0] - dx, tab[1] + dy, tab[2] + 0.08]);

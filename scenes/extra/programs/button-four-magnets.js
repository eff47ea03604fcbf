// Build a stick from the four magnetic blocks: hold the nearest, touch each of the others (in
// order of distance ahead) with the stick's front so that it joins on, then press the button
// with the stick's tip. Each join is measured from where the block is held after it.
const ws = get_workspace_range();
const button = get_center('button');
const buttonSize = get_size('button');
const names = ['part_1', 'part_2', 'part_3', 'part_4'];
const blocks = names.map((n) => ({ name: n, at: get_center(n), size: get_size(n) }));
blocks.sort((p, q) => p.at[0] - q.at[0]);

const first = blocks[0];
const g = get_graspable_point(first.name);
const above = g[2] + 0.09;
const low = g[2] + 0.002;
move_to_position([g[0], g[1], g[2] + 0.07]);
move_to_position(g);
close_gripper();

// reach: from the gripper to the stick's front face along x.
let reach = first.at[0] + first.size[0] / 2 - g[0];
let gx = g[0];
let gy = g[1];
let tip = first;
for (const next of blocks.slice(1)) {
  const join = next.at[0] - next.size[0] / 2 - reach + 0.002;
  move_to_position([gx, gy, above]);
  move_to_position([join - 0.02, next.at[1], above]);
  move_to_position([join - 0.02, next.at[1], low]);
  move_to_position([join, next.at[1], low]);
  const held = get_center(next.name);
  reach = held[0] + next.size[0] / 2 - join;
  gx = join;
  gy = next.at[1];
  tip = next;
}

// Press with the tip, as far onto the cap as the arm reaches, 16 mm below the cap's top.
const tipHeld = get_center(tip.name);
const tipBelow = low - (tipHeld[2] - tip.size[2] / 2);
const top = button[2] + buttonSize[2] / 2;
const x = Math.min(ws[0][1], button[0] - reach);
move_to_position([gx, gy, top + tipBelow + 0.03]);
move_to_position([x, button[1], top + tipBelow + 0.03]);
move_to_position([x, button[1], top + tipBelow - 0.016]);
move_to_position([x, button[1], top + tipBelow + 0.03]);

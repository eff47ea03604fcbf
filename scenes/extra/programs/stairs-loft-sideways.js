// Build stairs against the loft's near (-y) side from the three objects, tallest against the
// loft, each 1 cm from the next, then climb them along +y.
const loft = get_position('loft');
const loftSize = get_size('loft');
const steps = ['hamper', 'toybox', 'footstool'].map((n) => ({ name: n, at: get_position(n), size: get_size(n) }));
steps.sort((a, b) => b.size[2] - a.size[2]);

const x = loft[0];
let face = loft[1] - loftSize[1] / 2;
const spots = [];
for (const s of steps) {
  const y = face - 0.01 - s.size[1] / 2;
  // Bring it into the stairs' column first, well below its spot, then push it straight up
  // to the spot: pushed in sideways, it would rub the step placed before it along.
  if (Math.abs(s.at[0] - x) > 0.05) push_to_position(s.name, [x, Math.min(s.at[1], y - 0.6), s.at[2]]);
  // A step that slid off the robot's nose on the way gets a second push from where it is.
  if (push_to_position(s.name, [x, y, s.at[2]]).status !== 'reached') push_to_position(s.name, [x, y, s.at[2]]);
  // Back away from it, so that the next walk does not start against it.
  walk_to_position([x, y - s.size[1] / 2 - 0.5, 0]);
  spots.push([y, s.size[2]]);
  face = y - s.size[1] / 2;
}

// Line up below the lowest step, then climb step by step onto the loft.
walk_to_position([x, face - 0.45, 0]);
for (let i = spots.length - 1; i >= 0; i--) walk_to_position([x, spots[i][0], spots[i][1]]);
walk_to_position([x, loft[1], loftSize[2]]);

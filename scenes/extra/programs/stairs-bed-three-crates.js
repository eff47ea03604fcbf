// Build stairs against the bed from the three crates, tallest against the bed, each 1 cm from
// the next, then climb them. Heights are read, not assumed: the crates go in order of height.
const bed = get_position('bed');
const bedSize = get_size('bed');
const crates = ['crate_small', 'crate_medium', 'crate_large'].map((n) => ({ name: n, at: get_position(n), size: get_size(n) }));
crates.sort((a, b) => b.size[2] - a.size[2]);

// The stairs run along x in front of the bed's near face, on the bed's centre line.
const y = bed[1];
let face = bed[0] - bedSize[0] / 2;
const spots = [];
for (const c of crates) {
  const x = face - 0.01 - c.size[0] / 2;
  // A crate that slid off the robot's nose on the way gets a second push from where it is.
  if (push_to_position(c.name, [x, y, c.at[2]]).status !== 'reached') push_to_position(c.name, [x, y, c.at[2]]);
  spots.push([x, c.size[2]]);
  face = x - c.size[0] / 2;
}

// Line up in front of the lowest crate, then climb from crate to crate onto the bed.
walk_to_position([face - 0.45, y, 0]);
for (let i = spots.length - 1; i >= 0; i--) walk_to_position([spots[i][0], y, spots[i][1]]);
walk_to_position([bed[0], y, bedSize[2]]);

// Soften the vase's fall: push the cushion below the sofa's edge nearest to the vase, climb the
// stairs onto the sofa, and push the vase off that edge onto the cushion.
const sofa = get_position('sofa');
const sofaSize = get_size('sofa');
const vase = get_position('vase');
const vaseSize = get_size('vase');
const cushion = get_position('cushion');
const cushionSize = get_size('cushion');
const b1 = get_position('box_1');
const b1Size = get_size('box_1');
const b2 = get_position('box_2');
const b2Size = get_size('box_2');

// The vase stands closest to the sofa's +y edge: it will go off there, in line with its centre.
const edgeY = sofa[1] + sofaSize[1] / 2;
const landing = [vase[0], edgeY + cushionSize[1] / 2 + 0.03];

// The stairs stand between the cushion and the landing spot: push the cushion across to the
// landing's y first (clear of the stairs and the sofa), then along x under the edge.
push_to_position('cushion', [cushion[0], landing[1], cushion[2]]);
push_to_position('cushion', [landing[0], landing[1], cushion[2]]);

// Walk back round the stairs and climb box_1, box_2 and the sofa straight along them, in a lane
// that keeps the body 5 cm clear of the vase and the feet 3 cm inside the stairs' edge; stop
// 0.4 m onto the sofa.
const laneY = Math.max(b2[1] - b2Size[1] / 2 + 0.15, Math.min(b2[1], vase[1] - vaseSize[1] / 2 - 0.2));
const stairsStart = b1[0] - b1Size[0] / 2 - 0.45;
walk_to_position([stairsStart, landing[1], 0]);
walk_to_position([stairsStart, laneY, 0]);
walk_to_position([b2[0], laneY, 0]);
walk_to_position([sofa[0] - sofaSize[0] / 2 + 0.4, laneY, sofa[2]]);

// Push the vase over the edge until its centre is 15 cm past it.
push_to_position('vase', [vase[0], edgeY + 0.15, vase[2]]);

/** Names of the observation and action values (see inhand-env.ts for their meaning). */
export const OBS_LAYOUT = [
    'cube x from palm centre, cube frame (/0.05 m)',
    'cube y from palm centre, cube frame (/0.05 m)',
    'sin(yaw to go)',
    'cos(yaw to go)',
    'cube yaw rate (/5 rad/s)',
    'cube velocity x, cube frame (/0.2 m/s)',
    'cube velocity y, cube frame (/0.2 m/s)',
    'fingertip 0 x from cube centre, cube frame (/0.05 m)',
    'fingertip 0 y from cube centre, cube frame (/0.05 m)',
    'fingertip 1 x from cube centre, cube frame (/0.05 m)',
    'fingertip 1 y from cube centre, cube frame (/0.05 m)',
    'cube tilt (rad)',
];
export const ACTION_LAYOUT = [
    'fingertip 0 velocity x, cube frame',
    'fingertip 0 velocity y, cube frame',
    'fingertip 1 velocity x, cube frame',
    'fingertip 1 velocity y, cube frame',
];
//# sourceMappingURL=layout.js.map
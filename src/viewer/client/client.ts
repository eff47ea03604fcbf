/**
 * The viewer page's script (bundled by esbuild on first use; see bundle.ts). It mirrors the
 * world with SceneMirror, follows a live episode or replays a recording, and lists the
 * episode's events. `window.__robotool` exposes hooks for tests and the headless renderer.
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { SceneMirror, cameraFor } from '../mirror.ts';
import type { MirrorModel, PoseFrame } from '../mirror-model.ts';
import type { RecordingData, ServerMessage, TimedEvent } from '../protocol.ts';
import { EventPanel } from './event-panel.ts';
import { frameIndexAt } from './frame-index.ts';

/** Hooks for tests and the headless renderer. */
export interface ViewerHooks {
  ready: boolean;
  mode: 'live' | 'replay' | 'connecting';
  framesApplied: number;
  /** Simulated time of the frame on screen. */
  frameT: number | null;
  ended: boolean;
  /** Length of the recording (s), replay only. */
  duration: number;
  /** Where a body or object centre lands on the canvas, in CSS pixels from its top-left. */
  project(id: string): { x: number; y: number } | null;
  /** Renders now and reads the RGBA pixel at CSS pixel (x, y) of the canvas. */
  pixel(x: number, y: number): number[];
  setVisible(id: string, visible: boolean): void;
  /** World position of a body (`milk`, `robot/3`). */
  position(id: string): number[] | null;
  seek(t: number): void;
  play(): void;
  pause(): void;
  /** Renders `n` frames, waiting for the GPU each time; mean ms per frame. */
  timeRender(n: number): number;
}

declare global {
  interface Window {
    __robotool: ViewerHooks;
  }
}

const params = new URLSearchParams(location.search);
/** Headless stills: no panel, no animation loop, everything applied as it arrives. */
const still = params.has('still');
const speedParam = params.get('speed') ?? (still ? 'latest' : '1');
let liveSpeed = speedParam === 'latest' ? Infinity : Number(speedParam) || 1;
const atParam = params.get('at');

const container = document.getElementById('view')!;
const canvas = document.createElement('canvas');
container.prepend(canvas);
if (still) document.body.classList.add('still');

const renderer = new THREE.WebGLRenderer({ canvas, antialias: !still, preserveDrawingBuffer: true });
renderer.setPixelRatio(still ? 1 : window.devicePixelRatio);
renderer.setClearColor('#eef1f4');
const scene3 = new THREE.Scene();
let mirror: SceneMirror | undefined;
let camera = new THREE.PerspectiveCamera(45, 1, 0.01, 50);
let controls: OrbitControls | undefined;
let cameraPlaced = false;

const panel = new EventPanel(document.getElementById('panel')!);
const statusEl = document.getElementById('status')!;
const controlsEl = document.getElementById('controls')!;
const playBtn = document.getElementById('play') as HTMLButtonElement;
const scrub = document.getElementById('scrub') as HTMLInputElement;
const timeEl = document.getElementById('time')!;
const speedSel = document.getElementById('speed') as HTMLSelectElement;

const hooks: ViewerHooks = {
  ready: false,
  mode: 'connecting',
  framesApplied: 0,
  frameT: null,
  ended: false,
  duration: 0,
  project(id) {
    const c = mirror?.centerOf(id);
    if (!c) return null;
    camera.updateMatrixWorld();
    const ndc = c.clone().project(camera);
    const r = canvas.getBoundingClientRect();
    return { x: ((ndc.x + 1) / 2) * r.width, y: ((1 - ndc.y) / 2) * r.height };
  },
  pixel(x, y) {
    draw();
    const gl = renderer.getContext();
    const dpr = renderer.getPixelRatio();
    const px = new Uint8Array(4);
    gl.readPixels(Math.floor(x * dpr), Math.floor(canvas.height - 1 - y * dpr), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    return Array.from(px);
  },
  setVisible(id, visible) {
    mirror?.setVisible(id, visible);
    draw();
  },
  position(id) {
    const b = mirror?.body(id);
    return b ? b.position.toArray() : null;
  },
  seek(t) {
    seekReplay(t);
  },
  play() {
    setPlaying(true);
  },
  pause() {
    setPlaying(false);
  },
  timeRender(n) {
    const gl = renderer.getContext();
    const px = new Uint8Array(4);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      draw();
      // readPixels waits for the frame to finish, so the time includes the GPU's work.
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    }
    return (performance.now() - t0) / n;
  },
};
window.__robotool = hooks;

function resize(): void {
  const w = container.clientWidth;
  const h = container.clientHeight;
  renderer.setSize(w, h, false);
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  camera.aspect = w / Math.max(1, h);
  camera.updateProjectionMatrix();
}
window.addEventListener('resize', () => {
  resize();
  draw();
});

function draw(): void {
  if (mirror) renderer.render(scene3, camera);
}

function setModel(model: MirrorModel): void {
  if (mirror) {
    scene3.remove(mirror.root);
    mirror.dispose();
  }
  mirror = new SceneMirror(model);
  scene3.add(mirror.root);
  cameraPlaced = false;
}

function applyFrame(frame: PoseFrame): void {
  if (!mirror) return;
  mirror.apply(frame);
  hooks.framesApplied++;
  hooks.frameT = frame.t;
  timeEl.textContent = `${frame.t.toFixed(2)} sim s`;
  if (!cameraPlaced) {
    // The camera frames the scene once it knows where things are; after that the user owns it.
    cameraPlaced = true;
    const aspect = camera.aspect;
    camera = cameraFor(mirror, aspect);
    controls?.dispose();
    if (!still) {
      controls = new OrbitControls(camera, canvas);
      controls.target.copy(mirror.suggestedView().target);
      controls.update();
    }
    resize();
  }
}

// ---- live: frames and events are played at simulated speed, in the order they happened ----

type Queued = { t: number; frame?: PoseFrame; event?: TimedEvent };
const queue: Queued[] = [];
let playT = 0;
let latestT = 0;
/** The server said the episode is over; `hooks.ended` follows once the queue has played out. */
let endReceived = false;

function enqueue(item: Queued): void {
  queue.push(item);
  latestT = Math.max(latestT, item.t);
  if (still) flushLive(Infinity);
}

function flushLive(until: number): void {
  let frame: PoseFrame | undefined;
  while (queue.length && queue[0]!.t <= until) {
    const q = queue.shift()!;
    if (q.frame) frame = q.frame;
    if (q.event) panel.add(q.event);
  }
  if (frame) applyFrame(frame);
  if (frame && !hooks.ready) markReady();
  // The episode has ended for the viewer once what came before the end is on screen.
  if (endReceived && queue.length === 0 && !hooks.ended) {
    hooks.ended = true;
    statusEl.textContent = 'episode ended';
  }
}

// ---- replay ----

let recording: RecordingData | undefined;
let playing = false;
let replayT = 0;

function startReplay(rec: RecordingData): void {
  recording = rec;
  setModel(rec.model);
  hooks.duration = rec.frames.at(-1)?.t ?? 0;
  scrub.max = String(hooks.duration);
  controlsEl.hidden = still;
  seekReplay(atParam !== null ? Number(atParam) : 0);
  markReady();
  if (!still && atParam === null) setPlaying(true);
}

function seekReplay(t: number): void {
  if (!recording) return;
  replayT = Math.max(0, Math.min(t, hooks.duration));
  const i = frameIndexAt(recording.frames, replayT);
  const frame = recording.frames[i];
  if (frame) applyFrame(frame);
  showEventsUntil(recording.events, replayT);
  scrub.value = String(replayT);
  timeEl.textContent = `${replayT.toFixed(2)} / ${hooks.duration.toFixed(2)} sim s`;
  draw();
}

/** Events shown so far (a prefix of the recording's events, which are in time order). */
let eventsShown = 0;
let eventsT = -Infinity;

function showEventsUntil(events: readonly TimedEvent[], t: number): void {
  if (t < eventsT) {
    // Back in time: start the list again.
    eventsShown = 0;
    panel.reset([]);
  }
  eventsT = t;
  while (eventsShown < events.length && events[eventsShown]!.t <= t) panel.add(events[eventsShown++]!);
}

function setPlaying(p: boolean): void {
  if (p && replayT >= hooks.duration) replayT = 0;
  playing = p;
  playBtn.textContent = p ? '❚❚' : '▶';
}

playBtn.addEventListener('click', () => setPlaying(!playing));
scrub.addEventListener('input', () => {
  setPlaying(false);
  seekReplay(Number(scrub.value));
});
speedSel.addEventListener('change', () => {
  liveSpeed = speedSel.value === 'latest' ? Infinity : Number(speedSel.value);
});

function markReady(): void {
  draw();
  hooks.ready = true;
  document.body.dataset.ready = '1';
}

// ---- the loop and the socket ----

let last = performance.now();
function tick(now: number): void {
  const dt = Math.min(0.1, (now - last) / 1000);
  last = now;
  if (hooks.mode === 'live') {
    playT = liveSpeed === Infinity ? latestT : Math.min(playT + dt * liveSpeed, latestT);
    flushLive(playT);
  } else if (hooks.mode === 'replay' && playing) {
    seekReplay(replayT + dt * liveSpeed);
    if (replayT >= hooks.duration) setPlaying(false);
  }
  controls?.update();
  draw();
  requestAnimationFrame(tick);
}

function onMessage(m: ServerMessage): void {
  switch (m.type) {
    case 'hello':
      hooks.mode = m.mode;
      document.title = m.title;
      statusEl.textContent = m.mode === 'live' ? 'live' : 'replay';
      controlsEl.hidden = m.mode !== 'replay' || still;
      if (m.mode === 'live') speedSel.value = liveSpeed === Infinity ? 'latest' : String(liveSpeed);
      break;
    case 'model':
      setModel(m.model);
      break;
    case 'frame':
      enqueue({ t: m.frame.t, frame: m.frame });
      break;
    case 'event':
      enqueue({ t: m.t, event: { t: m.t, event: m.event } });
      break;
    case 'recording':
      startReplay(m.recording);
      break;
    case 'end':
      endReceived = true;
      flushLive(playT);
      break;
    default: {
      const never: never = m;
      throw new Error(`unknown message ${JSON.stringify(never)}`);
    }
  }
}

const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
ws.addEventListener('message', (ev) => onMessage(JSON.parse(String(ev.data)) as ServerMessage));
ws.addEventListener('close', () => {
  if (!hooks.ended && hooks.mode === 'live') statusEl.textContent = 'disconnected';
});
resize();
if (!still) requestAnimationFrame(tick);

/** The viewer's HTML page; the script is served at /client.js (see bundle.ts). */
export function viewerHtml(title) {
    const esc = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc}</title>
<style>
  html, body { margin: 0; height: 100%; font: 13px/1.4 system-ui, sans-serif; color: #223; background: #eef1f4; }
  body { display: flex; }
  #view { position: relative; flex: 1; min-width: 0; }
  #view canvas { display: block; }
  #status { position: absolute; top: 8px; left: 10px; padding: 2px 8px; border-radius: 4px; background: #fffc; }
  #controls { position: absolute; left: 0; right: 0; bottom: 0; display: flex; gap: 8px; align-items: center; padding: 6px 10px; background: #fffd; }
  #controls[hidden] { display: none; }
  #scrub { flex: 1; }
  #panel { width: 340px; overflow-y: auto; padding: 8px 14px; background: #fff; border-left: 1px solid #ccd; }
  #panel h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: #667; margin: 14px 0 4px; }
  #panel ol, #panel ul { margin: 0; padding-left: 20px; font-family: ui-monospace, monospace; font-size: 11.5px; }
  .failed { color: #b3261e; } .ok { color: #1e6b3a; }
  body.still #panel, body.still #status, body.still #controls { display: none; }
</style>
</head>
<body>
<div id="view">
  <div id="status">connecting…</div>
  <div id="controls" hidden>
    <button id="play" type="button">▶</button>
    <input id="scrub" type="range" min="0" max="1" step="0.001" value="0">
    <span id="time">0.00 s</span>
    <select id="speed"><option value="0.25">0.25×</option><option value="1" selected>1×</option><option value="4">4×</option><option value="latest">latest</option></select>
  </div>
</div>
<aside id="panel"></aside>
<script type="module" src="/client.js"></script>
</body>
</html>
`;
}
//# sourceMappingURL=page.js.map
// Loaded into the benchmarked page before any of its scripts (plain JS: it is not bundled).
// Records long tasks, and times a click until the panel that answers it has been painted.
window.__bench = { longTasks: [] };

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

// The click's own timestamp (when the browser received it) starts the clock; the clock stops
// after the first frame that shows the expected heading in the panel (rAF, then a task after paint).
document.addEventListener(
  'click',
  (event) => {
    window.__bench.clickAt = event.timeStamp;
  },
  true,
);

window.__bench.panelPainted = (expected) =>
  new Promise((resolve, reject) => {
    const panel = document.getElementById('panel');
    const timer = setTimeout(() => reject(new Error(`panel did not show ${expected}`)), 10000);
    // Map frames drawn inside the measured interval, to tell the panel's cost from the map's.
    const map = window.atlas.map;
    const log = [];
    const onRender = () => log.push(Math.round(performance.now() - window.__bench.clickAt));
    map?.on('render', onRender);
    const done = () => {
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          map?.off('render', onRender);
          window.__bench.mapFrames = log;
          resolve(performance.now() - window.__bench.clickAt);
        }, 0),
      );
    };
    const shows = () => !panel.hidden && panel.querySelector('.panel-title')?.textContent === expected;
    const observer = new MutationObserver(() => shows() && done());
    observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
    if (shows()) done();
  });

// A point inside the district where nothing else clickable lies within the click tolerance (the
// label point often carries the district's own sub-park dot): a spiral search around the label.
// The box is a little wider than the app's 5 px click tolerance.
window.__bench.clickPoint = (districtId, lngLat) => {
  const map = window.atlas.map;
  const start = map.project(lngLat);
  const box = map.getContainer().getBoundingClientRect();
  for (let r = 0; r <= 60; r += 4) {
    for (let a = 0; a < 360; a += r === 0 ? 360 : 30) {
      const x = start.x + r * Math.cos((a * Math.PI) / 180);
      const y = start.y + r * Math.sin((a * Math.PI) / 180);
      const hits = map.queryRenderedFeatures([[x - 6, y - 6], [x + 6, y + 6]]);
      const ownFill = hits.some((f) => f.layer.id === 'districts-fill' && String(f.id) === districtId);
      const others = hits.some((f) => !f.layer.id.startsWith('districts-') && !f.layer.id.startsWith('context') && !f.layer.id.startsWith('province'));
      const neighbour = hits.some((f) => f.layer.id === 'districts-fill' && String(f.id) !== districtId);
      if (ownFill && !others && !neighbour) return { x: box.left + x, y: box.top + y };
    }
  }
  return null; // covered everywhere by smaller features (or by a 三城一区 extent): not clickable as itself
};

// Resolves with the camera once the map has gone idle (or after 8 s, whichever comes first).
window.__bench.idleCamera = (map) =>
  new Promise((resolve) => {
    const done = () => resolve({ center: map.getCenter().toArray(), zoom: map.getZoom() });
    const timer = setTimeout(done, 8000);
    map.once('idle', () => {
      clearTimeout(timer);
      done();
    });
    map.triggerRepaint();
  });

window.__bench.fly = (map, camera) =>
  new Promise((resolve) => {
    map.once('moveend', () => window.__bench.idleCamera(map).then(resolve));
    map.flyTo(camera);
  });

// The reference for a click on a bare map: from the click to the first frame painted after it
// (MapLibre's input handling draws a map frame for it).
window.__bench.nextFramePainted = () =>
  new Promise((resolve) => {
    document.addEventListener(
      'click',
      () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - window.__bench.clickAt), 0)),
      { once: true },
    );
  });

// Search as you type: the query goes into the box as a keystroke would put it there; the clock
// stops after the first frame painted once its results are complete (`data-settled`).
window.__bench.searchTyped = (query) =>
  new Promise((resolve, reject) => {
    const input = document.getElementById('search');
    const list = document.getElementById('search-results');
    const timer = setTimeout(() => reject(new Error(`search for ${query} did not settle`)), 10000);
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve(performance.now() - t0);
        }, 0),
      );
    };
    const observer = new MutationObserver(() => list.dataset.settled === query && done());
    observer.observe(list, { attributes: true, attributeFilter: ['data-settled'] });
    delete list.dataset.settled;
    const t0 = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (list.dataset.settled === query) done();
  });

// The panel title a place-list button leads to: the name it shows.
window.__bench.placeTitle = (place) => document.querySelector(`#place-list button[data-place="${CSS.escape(place)}"] .place-name`)?.textContent ?? '';

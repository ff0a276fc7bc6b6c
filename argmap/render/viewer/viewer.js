(function () {
  "use strict";
  // Every text from the map is written with textContent or setAttribute, never as markup.
  var SVGNS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var opts = data.options;
  var MAX = opts.maxDrawn;
  var WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

  // -- indexes, built once ---------------------------------------------------------------------
  var nodes = new Map(), infs = new Map(), sources = new Map();
  data.nodes.forEach(function (n, i) { n.index = i; nodes.set(n.id, n); });
  data.inferences.forEach(function (x, i) { x.index = i; infs.set(x.id, x); });
  data.sources.forEach(function (s) { sources.set(s.id, s); });
  var hubs = new Map(), undercutters = new Map(), below = new Map();
  var findingsOf = new Map();
  function push(map, key, value) {
    var list = map.get(key);
    if (!list) { list = []; map.set(key, list); }
    list.push(value);
  }
  data.inferences.forEach(function (x) {
    x.premises.forEach(function (p) { push(hubs, p, x); });
    var t = infs.get(x.target);
    if (t) { push(undercutters, t.id, x); below.set(x.id, t); } else { push(hubs, x.target, x); }
  });
  data.findings.forEach(function (f, i) {
    f.index = i;
    f.nodes.forEach(function (id) { push(findingsOf, id, f); });
  });
  // -- which statements: the same definition as argmap.render.neighbourhood -------------------
  function members(x) { return below.has(x.id) ? x.premises : x.premises.concat([x.target]); }
  function down(start, seen) {
    var joined = [], stack = [];
    start.forEach(function (x) { if (!seen.has(x.id)) { seen.add(x.id); stack.push(x); } });
    while (stack.length) {
      var x = stack.pop();
      members(x).forEach(function (id) { joined.push(id); });
      var b = below.get(x.id);
      if (b && !seen.has(b.id)) { seen.add(b.id); stack.push(b); }
    }
    return joined;
  }
  function up(start, seen) {
    var found = [], stack = [];
    start.forEach(function (x) { if (!seen.has(x.id)) { seen.add(x.id); stack.push(x); } });
    while (stack.length) {
      var x = stack.pop();
      found.push(x);
      (undercutters.get(x.id) || []).forEach(function (u) {
        if (!seen.has(u.id)) { seen.add(u.id); stack.push(u); }
      });
    }
    return found;
  }
  // The statements within `depth` steps of `id`, nearest first, at most MAX of them.
  function within(id, depth) {
    var start = infs.has(id) ? down([infs.get(id)], new Set()) : [id];
    var seen = new Set(), order = [], truncated = false;
    function take(list) {
      for (var i = 0; i < list.length; i++) {
        if (seen.has(list[i])) continue;
        if (order.length >= MAX) { truncated = true; return false; }
        seen.add(list[i]); order.push(list[i]);
      }
      return true;
    }
    var frontier = start.slice();
    take(start);
    var upSeen = new Set(), downSeen = new Set();
    for (var step = 0; step < depth && frontier.length && !truncated; step++) {
      var hubList = [];
      frontier.forEach(function (x) { (hubs.get(x) || []).forEach(function (h) { hubList.push(h); }); });
      var next = down(up(hubList, upSeen), downSeen).filter(function (x) { return !seen.has(x); });
      next = Array.from(new Set(next)).sort(function (a, b) { return nodes.get(a).index - nodes.get(b).index; });
      take(next);
      frontier = next.filter(function (x) { return seen.has(x); });
    }
    return { ids: order, truncated: truncated };
  }
  // The inferences to draw: premises shown, and the target a shown statement or a drawn inference.
  function drawnInferences(shown) {
    var memo = new Map();
    data.inferences.forEach(function (x) {
      var chain = [], current = x, verdict = true;
      while (current && !memo.has(current.id)) {
        chain.push(current);
        if (!current.premises.every(function (p) { return shown.has(p); })) { verdict = false; break; }
        var b = below.get(current.id);
        if (!b) { verdict = shown.has(current.target); break; }
        current = b;
      }
      if (current && memo.has(current.id) && chain.indexOf(current) < 0) verdict = memo.get(current.id);
      chain.forEach(function (c) { memo.set(c.id, verdict); });
    });
    return data.inferences.filter(function (x) { return memo.get(x.id); });
  }

  // -- text ------------------------------------------------------------------------------------
  function columns(s) { var w = 0; for (var ch of s) w += WIDE.test(ch) ? 2 : 1; return w; }
  function clip(text, width) { return columns(text) <= width ? text : text.slice(0, width - 1) + "\u2026"; }
  // What an evaluation says of a node: "IN", "strength 0.61" or a note, and in full words.
  var LABELS = data.labels;
  function markWords(mark) {
    var head = LABELS ? LABELS.title + ": " : "";
    return head + mark.text + (mark.meaning ? " (" + mark.meaning + ")" : "");
  }
  function kindTitle(kind) { return (data.nodeStyles[kind] || { title: kind }).title; }
  function capital(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
  function sourceTitle(id) { var s = sources.get(id); return s ? s.title : id; }
  function nodeName(id) {
    var n = nodes.get(id);
    if (n) return (id === data.central ? "Central claim" : capital(kindTitle(n.kind))) + " " + id;
    var x = infs.get(id);
    return x ? relationTitle(x) + " " + id : id;
  }
  function relationTitle(x) { return x.relation === "support" ? "Support" : x.relation === "undercut" ? "Undercut" : "Attack"; }
  function openQuestions(x) {
    return x.scheme ? x.scheme.questions.filter(function (q) { return !q.answeredBy; }) : [];
  }

  // -- DOM helpers -----------------------------------------------------------------------------
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function sv(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  var $ = function (id) { return document.getElementById(id); };
  var statusLine = $("status");
  function announce(text) { statusLine.textContent = text; }

  // -- boxes: the lines Python wrote for the static diagram, at its sizes ----------------------
  // Each line is [text, role, ink]; the sizes are the diagram's points, one CSS pixel each, so
  // that a box measured by the layout engine holds its text here too.
  var ROLES = { head: ["head", 9], body: ["", 12], note: ["small", 10], warn: ["small warn", 10], mark: ["small mark", 11], gap: ["small gap", 10], ack: ["small", 10], more: ["small more", 10], scheme: ["scheme", 10], analyst: ["scheme", 10] };
  var MARGIN_X = 10.8, MARGIN_Y = 5.76, LEADING = 1.2;
  var measure = document.createElement("canvas").getContext("2d");
  var FONT_FAMILY = "Helvetica, Arial, \"Liberation Sans\", Arimo, sans-serif";
  function textWidth(text, size, bold) {
    if (!measure) return columns(text) * size * 0.56;
    measure.font = (bold ? "bold " : "") + size + "px " + FONT_FAMILY;
    return measure.measureText(text).width;
  }
  function figureLines(list, bodySize) {
    return (list || []).map(function (l) {
      if (typeof l === "string") l = [l, "body"];
      var role = ROLES[l[1]] || ROLES.note;
      return { text: l[0], cls: role[0], size: l[1] === "body" ? bodySize : role[1], colour: l[2], bold: /gap|mark/.test(role[0]) };
    });
  }
  // `hidden`: how many statements one step away are not drawn, said on the box so that a reader
  // knows where the map goes on (F or "Focus on selected" draws them).
  function statementBox(n, hidden) {
    var lines = figureLines(n.lines, n.size || 12);
    // The same words as argmap.render.figure.more_line on the static diagram's boxes.
    if (hidden && !n.lines.some(function (l) { return l[1] === "more"; })) lines.push({ text: "+" + hidden + " more not shown", cls: "small more", size: 10 });
    var w = 0, h = 0;
    var sizes = 0;
    lines.forEach(function (l) { w = Math.max(w, textWidth(l.text, l.size, l.bold)); sizes += l.size; });
    h = sizes * LEADING;
    return { lines: lines, w: Math.ceil(Math.max(54, w + 2 * MARGIN_X + 2)), h: Math.ceil(h + 2 * MARGIN_Y + 2), sizes: sizes };
  }

  // The layout engine's positions, computed when the page was written (the static diagram's own
  // layout): used as they are when they hold exactly what is drawn; otherwise their ranks and
  // order seed the layout of a part of the map, so that it keeps the engine's arrangement.
  var ENGINE = data.layout || null;
  var engineCount = 0;
  if (ENGINE) Object.keys(ENGINE.nodes).forEach(function (id) { if (nodes.has(id)) engineCount++; });
  // The engine's line spacing (Graphviz's 1.2 em, graphviz-pure's 1 em), read from its boxes:
  // the page's own layouts space lines as the engine's do, so that a box looks the same in both.
  if (ENGINE) {
    var spacings = [];
    data.nodes.forEach(function (n) {
      var p = ENGINE.nodes[n.id];
      if (!p || n.lines.length < 3) return;
      var sizes = figureLines(n.lines, n.size || 12).reduce(function (t, l) { return t + l.size; }, 0);
      spacings.push((p[3] - 2 * MARGIN_Y) / sizes);
    });
    spacings.sort(function (a, b) { return a - b; });
    if (spacings.length) LEADING = Math.max(0.95, Math.min(1.25, spacings[spacings.length >> 1]));
  }
  function engineHolds(shownIds) {
    return ENGINE && shownIds.length === engineCount && shownIds.every(function (id) { return ENGINE.nodes[id] && nodes.has(id); });
  }
  function engineLayout(shownIds, drawn) {
    var V = [], byId = new Map(), E = [], M = 4;
    function vertex(v) { v.k = V.length; V.push(v); byId.set(v.id, v); return v; }
    function at(p) { return { x: p[0] + M, y: p[1] + M }; }
    var shownSet = new Set(shownIds), partial = shownIds.length < statementCount;
    shownIds.forEach(function (id) {
      var p = ENGINE.nodes[id], c = at(p);
      // A part of a large map: its edge boxes say what they leave out, as the engine measured.
      var hidden = partial ? within(id, 1).ids.filter(function (o) { return !shownSet.has(o); }).length : 0;
      vertex({ id: id, type: "node", x: c.x, y: c.y, w: p[2], h: p[3], box: statementBox(nodes.get(id), hidden) });
    });
    drawn.forEach(function (x) {
      var p = ENGINE.nodes[x.id];
      if (!p) return;
      var c = at(p), j = vertex({ id: x.id, type: "junction", x: c.x, y: c.y, w: 18, h: 18, inf: x });
      if (ENGINE.labels[x.id]) j.label = [ENGINE.labels[x.id][0] + M, ENGINE.labels[x.id][1] + M];
    });
    ENGINE.edges.forEach(function (edge) {
      var x = infs.get(edge[0]), from = byId.get(edge[1]), to = byId.get(edge[2]);
      if (!x || !from || !to) return;
      var pts = [];
      for (var i = 0; i + 1 < edge[3].length; i += 2) pts.push([edge[3][i] + M, edge[3][i + 1] + M]);
      var e = { from: from, to: to, inf: x, out: to.id !== x.id, direct: !byId.has(x.id), spline: pts,
                end: edge[4] ? [edge[4][0] + M, edge[4][1] + M] : null, start: edge[5] ? [edge[5][0] + M, edge[5][1] + M] : null };
      if (e.direct && ENGINE.labels[x.id]) e.label = [ENGINE.labels[x.id][0] + M, ENGINE.labels[x.id][1] + M];
      E.push(e);
    });
    // Rows for the arrow keys: what stands at one height, left to right.
    var rows = new Map();
    V.forEach(function (v) { var key = Math.round(v.y); if (!rows.has(key)) rows.set(key, []); rows.get(key).push(v); });
    var layers = Array.from(rows.keys()).sort(function (a, b) { return b - a; }).map(function (key) {
      return rows.get(key).sort(function (a, b) { return a.x - b.x; });
    });
    layers.forEach(function (layer, i) { layer.forEach(function (v) { v.layer = i; }); });
    return { V: V, E: E, byId: byId, layers: layers, width: ENGINE.width + 2 * M, height: ENGINE.height + 2 * M, engine: true };
  }

  function layout(shownIds, drawn) {
    if (engineHolds(shownIds)) return engineLayout(shownIds, drawn);
    var V = [], byId = new Map(), E = [], shownSet = new Set(shownIds);
    function vertex(v) { v.k = V.length; V.push(v); byId.set(v.id, v); return v; }
    shownIds.forEach(function (id) {
      var hidden = within(id, 1).ids.filter(function (other) { return !shownSet.has(other); }).length;
      var box = statementBox(nodes.get(id), hidden);
      vertex({ id: id, type: "node", w: box.w, h: box.h, box: box });
    });
    // A linked inference, or one that is undercut, gets a junction vertex of its own; a plain
    // one is a single edge, with its junction drawn halfway along it.
    var undercut = new Set();
    drawn.forEach(function (x) { if (below.has(x.id)) undercut.add(x.target); });
    drawn.forEach(function (x) {
      if (x.premises.length !== 1 || undercut.has(x.id)) vertex({ id: x.id, type: "junction", w: 18, h: 18, inf: x });
    });
    drawn.forEach(function (x) {
      var j = byId.get(x.id);
      if (j) {
        x.premises.forEach(function (p) { E.push({ from: byId.get(p), to: j, inf: x, out: false }); });
        E.push({ from: j, to: byId.get(x.target), inf: x, out: true });
      } else {
        E.push({ from: byId.get(x.premises[0]), to: byId.get(x.target), inf: x, out: true, direct: true });
      }
    });
    // Break cycles: an edge back to a vertex still on the depth-first stack is laid out reversed.
    var outs = V.map(function () { return []; });
    E.forEach(function (e) { outs[e.from.k].push(e); });
    var state = new Array(V.length).fill(0);
    V.forEach(function (root) {
      if (state[root.k]) return;
      var stack = [[root, 0]];
      state[root.k] = 1;
      while (stack.length) {
        var top = stack[stack.length - 1], v = top[0];
        if (top[1] < outs[v.k].length) {
          var e = outs[v.k][top[1]++];
          if (state[e.to.k] === 1) e.reversed = true;
          else if (!state[e.to.k]) { state[e.to.k] = 1; stack.push([e.to, 0]); }
        } else { state[v.k] = 2; stack.pop(); }
      }
    });
    // Longest-path layers, premises at the bottom (layer 0).
    var indeg = new Array(V.length).fill(0), succ = V.map(function () { return []; });
    E.forEach(function (e) {
      var a = e.reversed ? e.to : e.from, b = e.reversed ? e.from : e.to;
      if (a === b) return;
      succ[a.k].push(b); indeg[b.k]++;
    });
    var queue = V.filter(function (v) { return !indeg[v.k]; });
    V.forEach(function (v) { v.layer = 0; });
    for (var qi = 0; qi < queue.length; qi++) {
      var v = queue[qi];
      succ[v.k].forEach(function (w) {
        w.layer = Math.max(w.layer, v.layer + 1);
        if (--indeg[w.k] === 0) queue.push(w);
      });
    }
    // Seeded by the engine: its ranks, bottom to top, as the layers (closed up where a rank has
    // nothing drawn), and an edge against them laid out reversed, as the engine does.
    var seeded = ENGINE && V.every(function (v) { return ENGINE.nodes[v.id]; });
    if (seeded) {
      var ranks = Array.from(new Set(V.map(function (v) { return Math.round(ENGINE.nodes[v.id][1]); }))).sort(function (a, b) { return b - a; });
      V.forEach(function (v) { v.layer = ranks.indexOf(Math.round(ENGINE.nodes[v.id][1])); v.seed = ENGINE.nodes[v.id][0]; });
      E.forEach(function (e) { e.reversed = e.from.layer > e.to.layer; });
    }
    var top = 0;
    V.forEach(function (v) { top = Math.max(top, v.layer); });
    // Long edges pass through virtual vertices, one per layer they cross.
    var segments = [];
    E.forEach(function (e) {
      var a = e.reversed ? e.to : e.from, b = e.reversed ? e.from : e.to;
      var chain = [a];
      for (var l = a.layer + 1; l < b.layer; l++) {
        var d = { id: null, type: "virtual", w: 4, h: 4, layer: l, k: V.length,
                  seed: seeded ? a.seed + (b.seed - a.seed) * (l - a.layer) / (b.layer - a.layer) : undefined };
        V.push(d); chain.push(d);
      }
      chain.push(b);
      if (e.reversed) chain.reverse();
      e.chain = chain;
      for (var i = 0; i + 1 < chain.length; i++) segments.push([chain[i], chain[i + 1]]);
    });
    var layers = [];
    for (var l = 0; l <= top; l++) layers.push([]);
    V.forEach(function (v) { layers[v.layer].push(v); });
    var nb = V.map(function () { return { lower: [], upper: [] }; });
    segments.forEach(function (s) {
      var lo = s[0].layer < s[1].layer ? s[0] : s[1], hi = lo === s[0] ? s[1] : s[0];
      if (lo.layer === hi.layer) return;
      nb[hi.k].lower.push(lo); nb[lo.k].upper.push(hi);
    });
    function renumber(layer) { layer.forEach(function (v, i) { v.order = i; }); }
    layers.forEach(renumber);
    function sweep(layer, side) {
      layer.forEach(function (v) {
        var ns = nb[v.k][side];
        v.bary = ns.length ? ns.reduce(function (s, u) { return s + u.order; }, 0) / ns.length : v.order;
      });
      layer.sort(function (a, b) { return a.bary - b.bary || a.order - b.order; });
      renumber(layer);
    }
    // The engine's order where it has one; otherwise sweeps that pull each vertex towards the
    // middle of its neighbours.
    if (seeded) layers.forEach(function (layer) { layer.sort(function (a, b) { return a.seed - b.seed; }); renumber(layer); });
    else for (var it = 0; it < 8; it++) {
      if (it % 2 === 0) for (var u = 1; u <= top; u++) sweep(layers[u], "lower");
      else for (var d2 = top - 1; d2 >= 0; d2--) sweep(layers[d2], "upper");
    }
    // x: pack each layer, then pull each vertex towards its neighbours, keeping order and gaps.
    var GAP = 22;
    layers.forEach(function (layer) {
      var x = 0;
      layer.forEach(function (v) { v.x = x + v.w / 2; x += v.w + GAP; });
    });
    function place(layer, side) {
      if (!layer.length) return;
      var want = layer.map(function (v) {
        var ns = side === "both" ? nb[v.k].lower.concat(nb[v.k].upper) : nb[v.k][side];
        return ns.length ? ns.reduce(function (s, u) { return s + u.x; }, 0) / ns.length : v.x;
      });
      var pos = [];
      layer.forEach(function (v, i) {
        var least = i ? pos[i - 1] + layer[i - 1].w / 2 + GAP + v.w / 2 : -Infinity;
        pos.push(Math.max(want[i], least));
      });
      for (var i = layer.length - 2; i >= 0; i--) {
        var most = pos[i + 1] - layer[i + 1].w / 2 - GAP - layer[i].w / 2;
        pos[i] = Math.min(pos[i], Math.max(most, want[i] <= most ? want[i] : most));
      }
      layer.forEach(function (v, i) { v.x = pos[i]; });
    }
    // Ending on a bottom-up pass: each statement stands over its reasons.
    for (var r = 0; r < 7; r++) {
      if (r % 2 === 0) for (var a1 = 1; a1 <= top; a1++) place(layers[a1], "lower");
      else for (var a2 = top - 1; a2 >= 0; a2--) place(layers[a2], "upper");
    }
    var y = 14;
    for (var ly = top; ly >= 0; ly--) {
      var hmax = 4;
      layers[ly].forEach(function (v) { hmax = Math.max(hmax, v.h); });
      layers[ly].forEach(function (v) { v.y = y + hmax / 2; });
      y += hmax + (hmax > 30 ? 34 : 22);
    }
    var minX = Infinity, maxX = -Infinity;
    V.forEach(function (v) { minX = Math.min(minX, v.x - v.w / 2); maxX = Math.max(maxX, v.x + v.w / 2); });
    V.forEach(function (v) { v.x += 14 - minX; });
    return { V: V, E: E, byId: byId, layers: layers, width: maxX - minX + 28, height: y + 10 };
  }

  // -- drawing ---------------------------------------------------------------------------------
  var diagram = $("diagram");
  var svg = sv("svg", { role: "group", "aria-label": "Diagram: statements and the inferences between them", focusable: "false" });
  var defs = sv("defs"), scene = sv("g"), edgeLayer = sv("g"), nodeLayer = sv("g");
  scene.appendChild(edgeLayer); scene.appendChild(nodeLayer);
  svg.appendChild(defs); svg.appendChild(scene);
  diagram.appendChild(svg);
  var markers = new Map();
  function marker(kind, colour) {
    var key = kind + colour;
    if (markers.has(key)) return markers.get(key);
    var id = "m" + markers.size;
    var m = sv("marker", { id: id, viewBox: "0 0 10 10", refX: kind === "arrow" ? "9" : "8", refY: "5", markerWidth: "9", markerHeight: "9", orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" });
    if (kind === "arrow") m.appendChild(sv("path", { d: "M0,0 L10,5 L0,10 z", fill: colour }));
    else if (kind === "circle") { m.setAttribute("refX", "5"); m.appendChild(sv("circle", { cx: "5", cy: "5", r: "3.5", fill: "#fff", stroke: colour, "stroke-width": "1.5" })); }
    else m.appendChild(sv("path", { d: "M8,0 L8,10", stroke: colour, "stroke-width": "3" }));
    defs.appendChild(m);
    markers.set(key, "url(#" + id + ")");
    return markers.get(key);
  }
  var current = null;           // the layout drawn now
  var elements = new Map();     // node or inference id -> its <g>
  var edgeEls = new Map();      // inference id -> its paths
  var view = { focus: null, depth: opts.depth };
  var selected = new Set();
  var cursor = null;            // the id that holds the diagram's tab stop
  var links = new Map();        // id -> the ids above and below it, for the arrow keys
  var schemeLabels = [];        // where scheme names stand, so that two never overlap

  // Parts of a name joined into sentences, without a doubled stop after text that ends one.
  function sentences(parts) {
    return parts.reduce(function (out, p) { return out ? out + (/[.!?\u2026]["\u201d')]?$/.test(out) ? " " : ". ") + p : p; }, "");
  }
  function describe(n) {
    var parts = [nodeName(n.id) + ": " + n.text];
    if (n.mark) parts.push(markWords(n.mark));
    var found = findingsOf.get(n.id);
    if (found) parts.push(findingWords(found));
    return sentences(parts);
  }
  // "1 open finding, 2 acknowledged": counted as the report counts them.
  function findingWords(found) {
    var open = found.filter(function (f) { return !f.acknowledged; }).length, acked = found.length - open;
    var words = [];
    if (open) words.push(open + (open === 1 ? " open finding" : " open findings"));
    if (acked) words.push(acked + (acked === 1 ? " acknowledged finding" : " acknowledged findings"));
    return words.join(", ");
  }
  function describeInference(x) {
    var what = x.premises.join(", ") + (x.relation === "support" ? " supports " : x.relation === "undercut" ? " undercuts " : " attacks ") + x.target;
    var parts = [relationTitle(x) + " " + x.id + ": " + what];
    if (x.analyst) parts.push("added by the analyst");
    if (x.mark) parts.push(markWords(x.mark));
    if (x.scheme) parts.push(x.scheme.name + ", " + openQuestions(x).length + " open critical questions");
    var found = findingsOf.get(x.id);
    if (found) parts.push(findingWords(found));
    return sentences(parts);
  }

  function draw(shownIds, whole) {
    var shown = new Set(shownIds);
    var drawn = drawnInferences(shown);
    var L = layout(shownIds, drawn);
    var mids = [];
    schemeLabels = [];
    current = L;
    elements.clear(); edgeEls.clear();
    edgeLayer.replaceChildren(); nodeLayer.replaceChildren();
    L.E.forEach(function (e) {
      var x = e.inf, gap = x.gap, colour = x.colour || data.edgeStyles[x.relation].colour;
      var d, a, b;
      if (e.spline) {
        // The engine's spline: a start point, then three points per cubic piece; the arrow's
        // own length runs on to its tip.
        var sp = e.spline, fmt = function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); };
        d = e.start ? "M" + fmt(e.start) + " L" + fmt(sp[0]) : "M" + fmt(sp[0]);
        for (var j = 1; j + 2 < sp.length; j += 3) {
          d += " C" + fmt(sp[j]) + " " + fmt(sp[j + 1]) + " " + fmt(sp[j + 2]);
        }
        if (e.end) d += " L" + fmt(e.end);
        a = e.from; b = e.to;
      } else {
        var pts = e.chain.map(function (v) { return [v.x, v.y]; });
        a = e.chain[0]; b = e.chain[e.chain.length - 1];
        // Start and end on the boxes' top or bottom edges.
        pts[0] = [a.x, a.y + (b.y < a.y ? -a.h / 2 : a.h / 2)];
        pts[pts.length - 1] = [b.x, b.y + (b.y < a.y ? b.h / 2 : -b.h / 2)];
        d = "M" + pts[0][0] + "," + pts[0][1];
        for (var i = 1; i < pts.length; i++) {
          var p = pts[i - 1], q = pts[i], my = (p[1] + q[1]) / 2;
          d += " C" + p[0] + "," + my + " " + q[0] + "," + my + " " + q[0] + "," + q[1];
        }
      }
      var path = sv("path", { d: d, class: "edge " + x.relation, stroke: colour });
      if (gap) path.setAttribute("stroke-width", "3");
      if (x.relation === "attack") path.setAttribute("stroke-dasharray", "7 4");
      if (x.relation === "undercut") path.setAttribute("stroke-dasharray", "2 3");
      if (e.out) path.setAttribute("marker-end", marker(x.relation === "support" ? "arrow" : "tee", colour));
      // The analyst's inference: an open circle where the premise's line starts.
      if (x.analyst && (x.premises.indexOf(e.from.id) >= 0 || !x.premises.length)) path.setAttribute("marker-start", marker("circle", colour));
      edgeLayer.appendChild(path);
      push(edgeEls, x.id, path);
      if (e.direct) {
        var half = path.getTotalLength ? path.getPointAtLength(path.getTotalLength() / 2) : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        var mid = { id: x.id, type: "mid", x: half.x, y: half.y, w: 14, h: 14, inf: x, label: e.label };
        L.byId.set(x.id, mid);
        mids.push(mid);
      }
    });
    // The boxes, then the junctions, which stand between the layers and stay clickable; the
    // browser tests check that none covers a statement's text.
    L.V.forEach(function (v) { if (v.type === "node") drawStatement(v); });
    L.V.forEach(function (v) { if (v.type === "junction") drawJunction(v); });
    mids.forEach(drawJunction);
    // Up and down for the arrow keys: from a premise to its inference, from that to its target.
    links = new Map();
    function link(lower, upper) {
      if (!links.has(lower)) links.set(lower, { up: [], down: [] });
      if (!links.has(upper)) links.set(upper, { up: [], down: [] });
      links.get(lower).up.push(upper); links.get(upper).down.push(lower);
    }
    L.E.forEach(function (e) {
      if (e.direct) { link(e.from.id, e.inf.id); link(e.inf.id, e.to.id); }
      else link(e.from.id, e.to.id);
    });
    svg.setAttribute("viewBox", "0 0 " + Math.max(L.width, 10) + " " + Math.max(L.height, 10));
    fit(!whole);
    paintSelection();
    if (!cursor || !elements.has(cursor)) setCursor(view.focus && elements.has(view.focus) ? view.focus : (shownIds[0] || null));
    else setCursor(cursor);
  }

  function drawStatement(v) {
    var n = nodes.get(v.id), style = data.nodeStyles[n.id === data.central ? "central" : n.kind] || data.nodeStyles[n.kind];
    var g = sv("g", {
      class: "node " + n.kind + (n.id === data.central ? " central" : "") + (n.gap ? " gap" : ""),
      transform: "translate(" + (v.x - v.w / 2) + "," + (v.y - v.h / 2) + ")"
    });
    g.appendChild(sv("title", null, n.text));
    // The drawn box is for the eye; a ring over it is the control, named with the full text.
    var hit = sv("rect", { class: "ring", x: -5, y: -5, width: v.w + 10, height: v.h + 10, rx: 9, role: "button", tabindex: "-1", "aria-pressed": "false", "aria-label": describe(n) });
    // The fill and border are the figure's: the kind's, the label's or strength's, the finding's.
    var box = sv("rect", { class: "box", width: v.w, height: v.h, rx: n.kind === "claim" ? 8 : 2, fill: n.fill || style.fill, stroke: n.stroke || style.stroke });
    if (n.gap) { box.setAttribute("stroke-width", "3"); box.setAttribute("stroke-dasharray", "8 4"); }
    g.appendChild(box);
    if (n.id === data.central) g.appendChild(sv("rect", { width: v.w - 8, height: v.h - 8, x: 4, y: 4, rx: 6, fill: "none", stroke: style.stroke }));
    var box2 = v.box || statementBox(n);
    // The lines as far apart as the engine set them, where it measured the box.
    var leading = Math.max(0.95, Math.min(LEADING, (v.h - 2 * MARGIN_Y) / box2.sizes));
    var y = (v.h - box2.sizes * leading) / 2;
    box2.lines.forEach(function (line) {
      var t = sv("text", { x: v.w / 2, y: y + line.size * 0.95, "text-anchor": "middle", "aria-hidden": "true" }, line.text);
      y += line.size * leading;
      if (line.cls) t.setAttribute("class", line.cls);
      if (line.size !== 12 && !line.cls) t.style.fontSize = line.size + "px";  // CSSOM, which the page's policy allows
      if (line.colour) t.style.fill = line.colour;
      if (/[\u0590-\u08ff]/.test(line.text)) t.setAttribute("direction", "rtl");
      g.appendChild(t);
      // A browser without the diagram's fonts draws wider letters: squeeze the line into the box.
      var room = v.w - 2 * MARGIN_X + 6;
      if (t.getComputedTextLength && t.getComputedTextLength() > room) {
        t.setAttribute("textLength", String(room)); t.setAttribute("lengthAdjust", "spacingAndGlyphs");
      }
    });
    g.appendChild(hit);
    wire(g, hit, n.id);
    nodeLayer.appendChild(g);
  }

  function drawJunction(v) {
    var x = v.inf, colour = x.colour || data.edgeStyles[x.relation].colour;
    var g = sv("g", { class: "junction " + x.relation, transform: "translate(" + v.x + "," + v.y + ")" });
    var tip = [describeInference(x)];
    openQuestions(x).forEach(function (q) { tip.push("open: " + q.text); });
    g.appendChild(sv("title", null, tip.join("\n")));
    var hit = sv("circle", { class: "ring", r: 11, role: "button", tabindex: "-1", "aria-pressed": "false", "aria-label": describeInference(x) });
    g.appendChild(sv("circle", { class: "dot", r: x.gap ? 6.5 : v.type === "mid" ? 4 : 5, fill: colour, stroke: "#fff", "stroke-width": "1" }));
    // The words on the line (scheme, "analyst", the mark) where the layout engine left room
    // for them; laid out here, beside the dot unless another label or a box stands there, and
    // the mark always.
    var lines = figureLines(x.lines, 10).map(function (l) { l.size = 10; return l; });
    var at = v.label ? [v.label[0] - v.x, v.label[1] - v.y] : null;
    if (!at) {
      var clash = schemeLabels.some(function (p) { return Math.abs(p[0] - v.x) < 70 && Math.abs(p[1] - v.y) < 14; }) ||
        current.V.some(function (u) {
          return u.type === "node" && v.x + 80 > u.x - u.w / 2 && v.x + 8 < u.x + u.w / 2 && Math.abs(u.y - v.y) < u.h / 2 + 8;
        });
      if (clash) lines = lines.filter(function (l) { return /mark/.test(l.cls); });
      else if (lines.length) schemeLabels.push([v.x, v.y]);
    }
    var y = at ? at[1] - lines.length * 12 / 2 + 9.5 : 4;
    lines.forEach(function (l) {
      var t = sv("text", { x: at ? at[0] : 10, y: y, class: l.cls, "aria-hidden": "true" }, l.text);
      if (at) t.setAttribute("text-anchor", "middle");
      if (l.colour) t.style.fill = l.colour;
      g.appendChild(t);
      y += 12;
    });
    g.appendChild(hit);
    wire(g, hit, x.id);
    nodeLayer.appendChild(g);
  }

  function wire(g, hit, id) {
    g.hit = hit;
    elements.set(id, g);
    g.addEventListener("click", function (ev) { ev.stopPropagation(); setCursor(id); hit.focus(); select([id], { scroll: true }); });
    hit.addEventListener("focus", function () { if (cursor !== id) setCursor(id); });
  }

  function setCursor(id) {
    if (cursor && elements.has(cursor)) elements.get(cursor).hit.setAttribute("tabindex", "-1");
    cursor = id;
    if (id && elements.has(id)) elements.get(id).hit.setAttribute("tabindex", "0");
  }

  // -- view: focus, depth, whole map -------------------------------------------------------
  var depthInput = $("depth"), depthValue = $("depth-value"), wholeButton = $("whole-map");
  var statementCount = data.nodes.length;
  function showWhole() {
    if (statementCount > MAX) return;
    view.focus = null;
    draw(data.nodes.map(function (n) { return n.id; }), true);
    var small = box.w > (diagram.clientWidth || 800) / READABLE + 1;
    announce("Whole map: " + statementCount + " statements and " + data.inferences.length + " inferences" +
      (small ? ", too small here to read: zoom in with + or the wheel, or search and focus." : "."));
  }
  function focusOn(id, depth) {
    view.focus = id; view.depth = depth;
    depthInput.value = String(depth); depthValue.textContent = String(depth);
    var found = within(id, depth);
    draw(found.ids);
    announce("Focused on " + nodeName(id) + ", depth " + depth + ": " + found.ids.length + " statements drawn" +
      (found.truncated ? " (the nearest " + MAX + "; lower the depth to see a neighbourhood whole)" : "") + ".");
  }
  function ensureDrawn(ids) {
    var missing = ids.filter(function (id) { return !elements.has(id); });
    if (!missing.length) return;
    var anchor = ids[0];
    var statement = nodes.has(anchor) ? anchor : (infs.has(anchor) ? infs.get(anchor).target : anchor);
    if (!view.focus && statementCount <= MAX) return;
    focusOn(nodes.has(anchor) || infs.has(anchor) ? anchor : statement, Math.max(view.depth, 1));
  }
  depthInput.addEventListener("input", function () {
    depthValue.textContent = depthInput.value;
    var target = view.focus || cursor || data.central || (data.nodes[0] && data.nodes[0].id);
    if (target) focusOn(target, Number(depthInput.value));
  });
  $("focus-selected").addEventListener("click", function () {
    var target = cursor || Array.from(selected)[0] || data.central;
    if (target) focusOn(target, Number(depthInput.value));
  });
  wholeButton.addEventListener("click", showWhole);
  if (statementCount > MAX) {
    wholeButton.disabled = true;
    wholeButton.title = "The map has " + statementCount + " statements: focus on a node to explore it";
  }

  // -- the opening view ------------------------------------------------------------------------
  // On a narrow screen the panels follow the map: the map takes what is left of the first
  // screen under the controls, its legend in view, so that what it opens on is all on screen.
  function fitPane() {
    if (window.matchMedia && !window.matchMedia("(max-width: 800px)").matches) { diagram.style.height = ""; return; }
    var top = diagram.getBoundingClientRect().top + window.scrollY;
    var legend = $("legend").hidden ? 0 : $("legend").offsetHeight;
    diagram.style.height = Math.max(260, window.innerHeight - top - legend - 4) + "px";
  }
  // The least zoom at which a statement's 12 px text is drawn at 11 px, readable.
  var READABLE = 11 / 12;
  function fitsReadably(ids) {
    var L = layout(ids, drawnInferences(new Set(ids)));
    var W = diagram.clientWidth || 800, H = diagram.clientHeight || 500;
    return Math.min(W / Math.max(L.width, 10), H / Math.max(L.height, 10)) >= READABLE;
  }
  // The whole map when it fits the pane with its text readable; otherwise the central claim and
  // as many of the statements nearest it as fit (nearest first, in the map's order), so that
  // everything the page opens on can be read without panning. "Whole map", the depth slider and
  // search show more.
  function openReadable(again) {
    var size = [diagram.clientWidth, diagram.clientHeight];
    var all = data.nodes.map(function (n) { return n.id; });
    if (statementCount <= MAX && fitsReadably(all)) { showWhole(); return; }
    var start = data.central || all[0];
    var chosen = nearestThatFit(start, fitsReadably);
    view.focus = start;
    draw(chosen);
    var k = chosen.length;
    var near = k === 2 ? " and the statement nearest it" : k > 2 ? " and the " + (k - 1) + " statements nearest it" : "";
    announce("Opened on " + (start === data.central ? "the central claim " + start : nodeName(start)) + near +
      ": " + k + " of " + statementCount + " statements, at a readable size. " +
      (statementCount <= MAX ? "Whole map, " : "") + "Depth and Search show more.");
    // Should what the status says have resized the map's pane, choose again for the new size.
    if (!again && (diagram.clientWidth !== size[0] || diagram.clientHeight !== size[1])) openReadable(true);
  }
  // Nearest first, the statements around `start` whose inference joins what is already chosen,
  // each with the statements that inference needs (a linked argument is drawn whole or not at
  // all), as long as `fits` says the drawing can still be read.
  function nearestThatFit(start, fits) {
    var chosen = [start], have = new Set(chosen);
    var order = within(start, 8).ids, tries = 0;
    for (var i = 1; i < order.length && tries < 40 && chosen.length < 60; i++) {
      var c = order[i];
      if (have.has(c)) continue;
      var best = null;
      (hubs.get(c) || []).forEach(function (h) {
        var group = down([h], new Set()).filter(function (id, j, list) { return list.indexOf(id) === j; });
        if (!group.some(function (id) { return have.has(id); })) return;
        var extra = group.filter(function (id) { return !have.has(id); });
        if (!best || extra.length < best.length) best = extra;
      });
      if (!best || !best.length) continue;
      tries++;
      var next = chosen.concat(best);
      if (next.length <= MAX && fits(next)) { chosen = next; best.forEach(function (id) { have.add(id); }); }
    }
    return chosen;
  }

  // -- pan and zoom ----------------------------------------------------------------------------
  var box = { x: 0, y: 0, w: 100, h: 100 };
  function setBox(b) { box = b; svg.setAttribute("viewBox", b.x + " " + b.y + " " + b.w + " " + b.h); }
  function fit(readable) {
    var L = current, W = diagram.clientWidth || 800, H = diagram.clientHeight || 500;
    var w = Math.max(L.width, 10), h = Math.max(L.height, 10);
    var scale = Math.min(W / w, H / h, 1.25);
    // Never so small that the text cannot be read: then show the focus (or top) at a readable size.
    if (readable && scale < READABLE) {
      // Too large to read whole: show the focus (or the central claim) at a readable size, at
      // the top of the view when it is at the top of the diagram; pan and zoom for the rest.
      scale = READABLE;
      var anchor = current.byId.get(view.focus || data.central);
      var bw = W / scale, bh = H / scale;
      var cx = anchor ? anchor.x : w / 2;
      var top = anchor ? Math.max(0, Math.min(anchor.y - bh / 2, h - bh)) : 0;
      setBox({ x: Math.max(-20, Math.min(cx - bw / 2, w - bw + 20)), y: top, w: bw, h: bh });
      return;
    }
    var vw = W / scale, vh = H / scale;
    setBox({ x: (w - vw) / 2, y: (h - vh) / 2, w: vw, h: vh });
  }
  function zoom(factor, cx, cy) {
    var nx = cx === undefined ? box.x + box.w / 2 : cx, ny = cy === undefined ? box.y + box.h / 2 : cy;
    var w = Math.min(Math.max(box.w / factor, 50), 40000), h = w * box.h / box.w;
    setBox({ x: nx - (nx - box.x) * w / box.w, y: ny - (ny - box.y) * h / box.h, w: w, h: h });
  }
  $("zoom-in").addEventListener("click", function () { zoom(1.25); });
  $("zoom-out").addEventListener("click", function () { zoom(0.8); });
  $("zoom-fit").addEventListener("click", function () { fit(false); });
  function toScene(ev) {
    var r = svg.getBoundingClientRect();
    return [box.x + (ev.clientX - r.left) / r.width * box.w, box.y + (ev.clientY - r.top) / r.height * box.h];
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = toScene(ev);
    zoom(ev.deltaY < 0 ? 1.15 : 1 / 1.15, p[0], p[1]);
  }, { passive: false });
  var drag = null;
  svg.addEventListener("pointerdown", function (ev) {
    if (ev.target.closest && ev.target.closest(".node, .junction")) return;
    drag = { x: ev.clientX, y: ev.clientY, box: box };
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var r = svg.getBoundingClientRect();
    setBox({ x: drag.box.x - (ev.clientX - drag.x) / r.width * drag.box.w, y: drag.box.y - (ev.clientY - drag.y) / r.height * drag.box.h, w: drag.box.w, h: drag.box.h });
  });
  svg.addEventListener("pointerup", function () { drag = null; });
  function reveal(id) {
    var v = current && current.byId.get(id);
    if (!v) return;
    if (v.x < box.x || v.x > box.x + box.w || v.y < box.y || v.y > box.y + box.h) {
      setBox({ x: v.x - box.w / 2, y: v.y - box.h / 2, w: box.w, h: box.h });
    }
  }

  // -- keyboard in the diagram -----------------------------------------------------------------
  function neighbour(id, key) {
    var L = current, v = L.byId.get(id);
    if (!v) return null;
    if (key === "ArrowLeft" || key === "ArrowRight") {
      if (v.type === "mid") return null;
      var row = L.layers[v.layer].filter(function (u) { return u.type !== "virtual"; });
      var i = row.indexOf(v) + (key === "ArrowRight" ? 1 : -1);
      return row[i] ? row[i].id : null;
    }
    var near = links.get(id);
    var candidates = near ? (key === "ArrowUp" ? near.up : near.down).map(function (c) { return L.byId.get(c); }) : [];
    candidates.sort(function (a, b) { return Math.abs(a.x - v.x) - Math.abs(b.x - v.x); });
    return candidates.length ? candidates[0].id : null;
  }
  svg.addEventListener("keydown", function (ev) {
    if (!cursor) return;
    var next = null;
    if (ev.key === "ArrowUp" || ev.key === "ArrowDown" || ev.key === "ArrowLeft" || ev.key === "ArrowRight") {
      next = neighbour(cursor, ev.key);
      ev.preventDefault();
      if (next) { setCursor(next); elements.get(next).hit.focus(); reveal(next); announce(nodeName(next)); }
    } else if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      select([cursor], { scroll: true });
    } else if (ev.key === "f" || ev.key === "F") {
      ev.preventDefault();
      var id = cursor;
      focusOn(id, Number(depthInput.value));
      if (elements.has(id)) elements.get(id).hit.focus();
    } else if (ev.key === "Home" && data.central && elements.has(data.central)) {
      ev.preventDefault();
      setCursor(data.central); elements.get(data.central).hit.focus();
    }
  });

  // -- selection -------------------------------------------------------------------------------
  var details = $("details");
  function select(ids, how) {
    how = how || {};
    selected = new Set(ids);
    activeFinding = how.finding === undefined ? null : how.finding;
    ensureDrawn(ids);
    paintSelection();
    showDetails(ids);
    paintFindings();
    var marks = paintQuotes();
    if (how.scroll && marks.length && !how.fromPassage) scrollToPassage(marks[0]);
    if (ids.length) reveal(ids[0]);
    var drawnCount = ids.filter(function (id) { return elements.has(id); }).length;
    announce(ids.length === 1 ? "Selected " + nodeName(ids[0]) + "." :
      "Selected " + ids.length + " nodes" + (drawnCount < ids.length ? " (" + drawnCount + " drawn here)" : "") + ".");
  }
  // Beside the diagram, the side panel scrolls by itself, and the diagram stays in view; on a
  // phone, where the panels follow the diagram, the page scrolls to the passage.
  function scrollToPassage(mark) {
    showTab("sources");
    var side = $("sources-panel");
    if (getComputedStyle(side).overflowY !== "visible" && side.scrollHeight > side.clientHeight + 1) {
      var r = mark.getBoundingClientRect(), p = side.getBoundingClientRect();
      side.scrollTop += r.top - p.top - side.clientHeight / 3;
    } else {
      mark.scrollIntoView({ block: "center" });
    }
  }
  function paintSelection() {
    elements.forEach(function (g, id) {
      var on = selected.has(id);
      g.classList.toggle("selected", on);
      g.hit.setAttribute("aria-pressed", on ? "true" : "false");
    });
    edgeEls.forEach(function (paths, id) { paths.forEach(function (p) { p.classList.toggle("selected", selected.has(id)); }); });
  }
  function nodeButton(id) {
    var b = el("button", { type: "button", class: "link" }, nodeName(id));
    b.addEventListener("click", function () { select([id], { scroll: true }); if (elements.has(id)) { setCursor(id); elements.get(id).hit.focus(); } });
    return b;
  }
  function findingLine(f) {
    var li = el("li");
    li.appendChild(el("span", { class: "chip sev-" + f.severity }, f.severity));
    li.appendChild(document.createTextNode(f.rule + " " + f.name + ": " + f.message));
    if (f.acknowledged) li.appendChild(el("span", { class: "ack" }, " (acknowledged" + (typeof f.acknowledged === "string" ? ": " + f.acknowledged : "") + ")"));
    return li;
  }
  function showDetails(ids) {
    details.replaceChildren();
    if (!ids.length) { details.appendChild(el("p", { class: "hint" }, "Nothing selected.")); return; }
    if (ids.length > 1) {
      details.appendChild(el("p", null, ids.length + " nodes selected:"));
      var ul = el("ul");
      ids.forEach(function (id) { var li = el("li"); li.appendChild(nodeButton(id)); ul.appendChild(li); });
      details.appendChild(ul);
      return;
    }
    var id = ids[0], n = nodes.get(id), x = infs.get(id);
    details.appendChild(el("h3", null, nodeName(id) + (n && n.title ? " \u2014 " + n.title : "")));
    if (n) {
      details.appendChild(el("p", null, n.text));
      var meta = [];
      if (n.tags) meta.push("tags: " + n.tags.map(function (t) { return "#" + t; }).join(" "));
      if (n.when) meta.push("when: " + n.when);
      if (n.who) meta.push("who: " + n.who.join(", "));
      if (n.kind === "case") meta.push(n.cites && n.cites.length ? "cites: " + n.cites.map(sourceTitle).join("; ") : "cites no source as evidence");
      if (n.attribution) meta.push("hearsay: \u201c" + n.attribution + "\u201d");
      if (n.mark) meta.push(markWords(n.mark));
      if (n.weight !== undefined) meta.push("weight: " + n.weight);
      if (n.assumption) meta.push("an assumption: accepted unless questioned");
      meta.forEach(function (m) { details.appendChild(el("p", { class: "meta" }, m)); });
      if (n.note) details.appendChild(el("p", { class: "meta" }, "note: " + n.note));
      if (n.quotes) {
        details.appendChild(el("h4", null, "Quotes"));
        var ql = el("ul");
        n.quotes.forEach(function (q) {
          ql.appendChild(el("li", null, "\u201c" + q.text + "\u201d \u2014 " + sourceTitle(q.source) + (q.located ? "" : " (not found in the source\u2019s text)")));
        });
        details.appendChild(ql);
      }
      var rel = el("ul");
      (hubs.get(id) || []).forEach(function (h) {
        var li = el("li");
        if (h.target === id) li.appendChild(document.createTextNode((h.relation === "support" ? "supported by " : "attacked by ") + h.premises.join(", ") + " via "));
        else li.appendChild(document.createTextNode((h.relation === "support" ? "supports " : h.relation === "undercut" ? "undercuts " : "attacks ") + h.target + " via "));
        li.appendChild(nodeButton(h.id));
        rel.appendChild(li);
      });
      if (rel.children.length) { details.appendChild(el("h4", null, "Inferences")); details.appendChild(rel); }
    } else if (x) {
      var p = el("p");
      x.premises.forEach(function (pid, i) { if (i) p.appendChild(document.createTextNode(" + ")); p.appendChild(nodeButton(pid)); });
      p.appendChild(document.createTextNode(x.relation === "support" ? " support " : x.relation === "undercut" ? " undercut " : " attack "));
      p.appendChild(nodeButton(x.target));
      details.appendChild(p);
      if (x.analyst) details.appendChild(el("p", { class: "meta" }, "added by the analyst: the text does not make this inference"));
      if (x.mark) details.appendChild(el("p", { class: "meta mark" }, markWords(x.mark)));
      if (x.question) details.appendChild(el("p", { class: "meta" }, "asks: " + x.question));
      if (x.scheme) {
        details.appendChild(el("h4", null, x.scheme.name + ": critical questions"));
        var cq = el("ul");
        x.scheme.questions.forEach(function (q) {
          var li = el("li", null, (q.answeredBy ? "answered by " + q.answeredBy + ": " : "open: ") + q.text);
          cq.appendChild(li);
        });
        details.appendChild(cq);
      }
      if (x.note) details.appendChild(el("p", { class: "meta" }, "note: " + x.note));
    }
    var found = findingsOf.get(id);
    if (found) {
      details.appendChild(el("h4", null, "Findings"));
      var fl = el("ul");
      found.forEach(function (f) { fl.appendChild(findingLine(f)); });
      details.appendChild(fl);
    }
  }

  // -- sources ---------------------------------------------------------------------------------
  var marks = [];
  function renderSources() {
    var box = $("sources");
    if (!data.sources.length) { box.appendChild(el("p", { class: "hint" }, "The map names no sources.")); return; }
    data.sources.forEach(function (s) {
      var sec = el("article", { class: "source", "aria-label": "Source: " + s.title });
      sec.appendChild(el("h3", null, s.title));
      var meta = [s.publisher, s.date].filter(Boolean).join(", ");
      if (meta) sec.appendChild(el("p", { class: "meta hint" }, meta));
      if (s.url && /^https?:\/\//i.test(s.url)) {
        var a = el("a", { href: s.url, rel: "noopener noreferrer" }, s.url);
        var p = el("p", { class: "hint" }); p.appendChild(a); sec.appendChild(p);
      } else if (s.address) sec.appendChild(el("p", { class: "hint" }, s.address));
      if (s.segments) {
        var text = el("div", { class: "source-text" });
        s.segments.forEach(function (seg) {
          if (!seg.nodes) { text.appendChild(document.createTextNode(seg.text)); return; }
          // The mark itself is the control: a <button> inside it is drawn as one block, so a
          // passage that wraps was highlighted on its last line only.
          var mark = el("mark", { role: "button", tabindex: "0", "aria-label": "Quoted by " + seg.nodes.map(nodeName).join(", ") + ": " + seg.text }, seg.text);
          mark.nodeIds = seg.nodes;
          mark.addEventListener("click", function () { select(seg.nodes.slice(), { fromPassage: true }); });
          mark.addEventListener("keydown", function (ev) {
            if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(seg.nodes.slice(), { fromPassage: true }); }
          });
          text.appendChild(mark);
          marks.push(mark);
        });
        sec.appendChild(text);
      } else sec.appendChild(el("p", { class: "hint" }, "No text of this source is in the map."));
      box.appendChild(sec);
    });
  }
  function paintQuotes() {
    var on = [];
    marks.forEach(function (m) {
      var active = m.nodeIds.some(function (id) { return selected.has(id); });
      m.classList.toggle("active", active);
      if (active) on.push(m);
    });
    return on;
  }

  // -- findings --------------------------------------------------------------------------------
  var activeFinding = null;
  var shownSeverities = new Set(["error", "warning", "info", "acknowledged"]);
  var findingButtons = [];
  function renderFindings() {
    // As the report counts them: open findings by severity; an acknowledged one counts toward
    // no severity, only toward "acknowledged".
    var counts = { error: 0, warning: 0, info: 0, acknowledged: 0 };
    data.findings.forEach(function (f) { counts[f.acknowledged ? "acknowledged" : f.severity]++; });
    $("findings-count").textContent = "(" + data.findings.length + ")";
    var filters = $("severity-filters");
    ["error", "warning", "info", "acknowledged"].forEach(function (sev) {
      var id = "filter-" + sev;
      var label = el("label", { for: id });
      var box = el("input", { type: "checkbox", id: id });
      box.checked = true;
      box.addEventListener("change", function () {
        if (box.checked) shownSeverities.add(sev); else shownSeverities.delete(sev);
        paintFindings();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + sev + " (" + counts[sev] + ")"));
      filters.appendChild(label);
    });
    var list = $("findings");
    if (!data.findings.length) list.appendChild(el("li", { class: "hint" }, "No findings."));
    data.findings.forEach(function (f) {
      var li = el("li");
      var b = el("button", { type: "button", "aria-pressed": "false" });
      b.appendChild(el("span", { class: "chip sev-" + f.severity }, f.severity));
      b.appendChild(el("strong", null, f.rule + " " + f.name));
      b.appendChild(document.createTextNode(": " + f.message));
      b.appendChild(el("span", { class: "ack" }, f.acknowledged ? " \u2014 acknowledged" + (typeof f.acknowledged === "string" ? ": " + f.acknowledged : "") : ""));
      if (f.nodes.length) b.appendChild(el("span", { class: "hint" }, " [" + f.nodes.join(", ") + "]"));
      b.addEventListener("click", function () { select(f.nodes.slice(), { finding: f.index, scroll: false }); });
      li.appendChild(b);
      li.finding = f;
      list.appendChild(li);
      findingButtons.push(b);
    });
  }
  function paintFindings() {
    findingButtons.forEach(function (b) {
      var li = b.parentNode, f = li.finding;
      li.hidden = !shownSeverities.has(f.acknowledged ? "acknowledged" : f.severity);
      b.setAttribute("aria-pressed", activeFinding === f.index ? "true" : "false");
    });
  }

  // -- tabs: the sources and the findings share the side; neither pushes the other away -------
  var tabs = { sources: $("tab-sources"), findings: $("tab-findings") };
  function showTab(name) {
    Object.keys(tabs).forEach(function (k) {
      var on = k === name;
      tabs[k].setAttribute("aria-selected", on ? "true" : "false");
      tabs[k].tabIndex = on ? 0 : -1;
      $(k + "-panel").hidden = !on;
    });
  }
  Object.keys(tabs).forEach(function (k) {
    tabs[k].addEventListener("click", function () { showTab(k); });
    tabs[k].addEventListener("keydown", function (ev) {
      if (ev.key !== "ArrowLeft" && ev.key !== "ArrowRight") return;
      ev.preventDefault();
      var other = k === "sources" ? "findings" : "sources";
      showTab(other); tabs[other].focus();
    });
  });

  // -- search ----------------------------------------------------------------------------------
  var search = $("search"), results = $("search-results");
  search.addEventListener("input", function () {
    results.replaceChildren();
    var q = search.value.trim().toLowerCase();
    if (!q) return;
    var hits = 0;
    for (var i = 0; i < data.nodes.length && hits < 20; i++) {
      var n = data.nodes[i];
      if (n.id.toLowerCase().indexOf(q) < 0 && n.text.toLowerCase().indexOf(q) < 0 && (!n.title || n.title.toLowerCase().indexOf(q) < 0)) continue;
      hits++;
      var li = el("li");
      var b = el("button", { type: "button" }, nodeName(n.id) + " \u2014 " + clip(n.text, 70));
      (function (id) {
        b.addEventListener("click", function () {
          results.replaceChildren();
          if (!elements.has(id)) focusOn(id, Number(depthInput.value) || 1);
          select([id], { scroll: true });
          setCursor(id);
          if (elements.has(id)) elements.get(id).hit.focus();
        });
      })(n.id);
      li.appendChild(b);
      results.appendChild(li);
    }
    announce(hits ? hits + (hits === 20 ? "+" : "") + " statements match." : "No statement matches.");
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" && results.firstChild) { ev.preventDefault(); results.firstChild.firstChild.focus(); }
    if (ev.key === "Escape") { results.replaceChildren(); }
  });
  results.addEventListener("keydown", function (ev) {
    var li = ev.target.parentNode;
    if (ev.key === "ArrowDown" && li.nextSibling) { ev.preventDefault(); li.nextSibling.firstChild.focus(); }
    if (ev.key === "ArrowUp") { ev.preventDefault(); if (li.previousSibling) li.previousSibling.firstChild.focus(); else search.focus(); }
    if (ev.key === "Escape") { results.replaceChildren(); search.focus(); }
  });

  // -- legend ----------------------------------------------------------------------------------
  function renderLegend() {
    var legend = $("legend");
    if (!opts.legend) { legend.hidden = true; return; }
    var kinds = new Set(data.nodes.map(function (n) { return n.id === data.central ? "central" : n.kind; }));
    ["central", "claim", "premise", "case", "rebuttal"].forEach(function (k) {
      if (!kinds.has(k)) return;
      var s = data.nodeStyles[k], span = el("span");
      var icon = sv("svg", { viewBox: "0 0 36 16", "aria-hidden": "true" });
      icon.appendChild(sv("rect", { x: 2, y: 2, width: 32, height: 12, rx: 3, fill: LABELS && LABELS.kind !== "texts" ? "#fff" : s.fill, stroke: s.stroke, "stroke-width": k === "central" ? 3 : 1.3 }));
      span.appendChild(icon); span.appendChild(document.createTextNode(s.title)); legend.appendChild(span);
    });
    var relations = new Set(data.inferences.map(function (x) { return x.relation; }));
    ["support", "attack", "undercut"].forEach(function (r) {
      if (!relations.has(r)) return;
      var s = data.edgeStyles[r], span = el("span");
      var icon = sv("svg", { viewBox: "0 0 36 16", "aria-hidden": "true" });
      var line = sv("line", { x1: 2, y1: 8, x2: 30, y2: 8, stroke: s.colour, "stroke-width": 2 });
      if (r === "attack") line.setAttribute("stroke-dasharray", "7 4");
      if (r === "undercut") line.setAttribute("stroke-dasharray", "2 3");
      icon.appendChild(line);
      icon.appendChild(r === "support" ? sv("path", { d: "M28,3 L35,8 L28,13 z", fill: s.colour }) : sv("path", { d: "M32,2 L32,14", stroke: s.colour, "stroke-width": 3 }));
      span.appendChild(icon); span.appendChild(document.createTextNode(s.title)); legend.appendChild(span);
    });
    if (data.inferences.some(function (x) { return x.analyst; })) {
      var by = el("span"), byIcon = sv("svg", { viewBox: "0 0 36 16", "aria-hidden": "true" });
      byIcon.appendChild(sv("line", { x1: 8, y1: 8, x2: 34, y2: 8, stroke: "#555", "stroke-width": 2 }));
      byIcon.appendChild(sv("circle", { cx: 6, cy: 8, r: 4, fill: "#fff", stroke: "#555", "stroke-width": 1.5 }));
      by.appendChild(byIcon); by.appendChild(document.createTextNode("added by the analyst (not in the text)")); legend.appendChild(by);
    }
    var severities = new Set(data.findings.filter(function (f) { return !f.acknowledged; }).map(function (f) { return f.severity; }));
    ["error", "warning", "info"].forEach(function (sev) {
      if (!severities.has(sev)) return;
      var span = el("span"), icon = sv("svg", { viewBox: "0 0 36 16", "aria-hidden": "true" });
      icon.appendChild(sv("rect", { x: 2, y: 2, width: 32, height: 12, rx: 3, fill: "#fff", stroke: data.gapColours[sev], "stroke-width": 3, "stroke-dasharray": "6 3" }));
      span.appendChild(icon); span.appendChild(document.createTextNode(sev + " finding")); legend.appendChild(span);
    });
    if (data.findings.some(function (f) { return f.acknowledged && f.nodes.length; })) {
      var ack = el("span"), ackIcon = sv("svg", { viewBox: "0 0 36 16", "aria-hidden": "true" });
      ackIcon.appendChild(sv("rect", { x: 2, y: 2, width: 32, height: 12, rx: 3, fill: "#fff", stroke: "#999", "stroke-width": 1 }));
      ack.appendChild(ackIcon);
      ack.appendChild(document.createTextNode("acknowledged: a weakness the map records on purpose, not outlined"));
      legend.appendChild(ack);
    }
    if (LABELS) {
      // What the marks mean, and which semantics made them: a row of its own, on top.
      var row = el("span", { class: "labels-legend", role: "group", "aria-label": "Labels: " + LABELS.title });
      row.appendChild(el("strong", null, capital(LABELS.title) + (view.focus || opts.focus ? " (of the whole map)" : "") + ":"));
      LABELS.entries.forEach(function (e) {
        var span = el("span", { class: "label-entry" });
        var icon = sv("svg", { viewBox: "0 0 36 16", "aria-hidden": "true" });
        icon.appendChild(sv("rect", { x: 2, y: 2, width: 32, height: 12, rx: 3, fill: e.fill || "#fff", stroke: "#555", "stroke-width": 1 }));
        span.appendChild(icon);
        span.appendChild(document.createTextNode(e.meaning === undefined ? e.text : e.text + " " + e.meaning));
        row.appendChild(span);
      });
      // First: on a labelled page what the marks mean matters most, and the strip may scroll.
      legend.insertBefore(row, legend.firstChild);
    }
  }

  // -- start -----------------------------------------------------------------------------------
  if (!opts.title) $("map-title").classList.add("visually-hidden");
  renderSources();
  renderFindings();
  renderLegend();
  paintFindings();
  depthInput.value = String(opts.depth); depthValue.textContent = String(opts.depth);
  fitPane();
  if (!data.nodes.length) announce("The map is empty.");
  else if (opts.focus) focusOn(opts.focus, opts.depth);
  else openReadable();
  window.addEventListener("resize", function () { fitPane(); if (current) fit(true); });
})();

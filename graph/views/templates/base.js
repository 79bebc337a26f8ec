/* plankg viz, part 1 of 6: the data, the state of the page, small helpers. The page script is
   these parts in order inside one function (graph/views/html.py). Every text from the data
   reaches the page through textContent, DOM nodes or canvas text, never as HTML. */
var startMs = performance.now();
var TIP_CHARS = 360;
var TIP_MEASURES = 8;
var DIMMED = 0.12;
var data = JSON.parse(document.getElementById("plankg-data").textContent);
var info = {};
var ids = data.nodes.map(function (n) { info[n.id] = n; return n.id; });
var roleOf = {};
Object.keys(data.roleLabels).forEach(function (key) { roleOf[data.roleLabels[key]] = key; });
var WEIGHT_INDEX = { all: 0, lead: 1, partner: 2 };
var settings = { chosen: {}, minShared: 1, coLead: false, focused: null };
var shown = new Set(ids);
var shownEdges = new Set();
var state = { ready: false, readyMs: null, view: data.name, startMs: startMs, parsedMs: performance.now() };
window.plankg = state;

function clip(text, max) {
  return text.length > max ? text.slice(0, max) + "…" : text;
}

/* "lead", "partner" or "all": what the role filter picks. */
function roleMode() {
  return roleOf[settings.chosen.role] || "all";
}

/* A node's (measures led, measures taken part in, actions led) in the regions shown. */
function nodeCounts(n) {
  if (!n.counts) { return null; }
  var sum = [0, 0, 0];
  Object.keys(n.counts).forEach(function (region) {
    if (settings.chosen.region && region !== settings.chosen.region) { return; }
    n.counts[region].forEach(function (value, i) { sum[i] += value; });
  });
  return sum;
}

function countsLine(counts) {
  return data.countLabels.map(function (label, i) { return label + " " + counts[i]; }).join(" · ");
}

/* Nodes that carry a size are sized by what they do in the regions shown, in the role shown. */
function nodeSize(n) {
  var counts = nodeCounts(n);
  if (!n.size || !counts) { return n.size; }
  var count = roleMode() === "partner" ? counts[1] : counts[0];
  return Math.round(10 * (data.sizeRule.base + data.sizeRule.step * Math.sqrt(count))) / 10;
}

/* The weight of an edge as the controls see it: measures shared, co-led or co-partnered. */
function edgeWeight(e) {
  if (!e.weights) { return e.weight || 1; }
  if (settings.coLead) { return e.weights[1]; }
  return e.weights[WEIGHT_INDEX[roleMode()]];
}

var heaviest = (function () {
  var top = [1, 1, 1];
  data.edges.forEach(function (e) {
    var weights = e.weights || [e.weight || 1, e.weight || 1, e.weight || 1];
    weights.forEach(function (w, i) { top[i] = Math.max(top[i], w); });
  });
  return top;
}());

function scaled(range, weight) {
  var mode = settings.coLead ? 1 : WEIGHT_INDEX[roleMode()];
  var share = Math.min(1, weight / heaviest[mode]);
  return range[0] + (range[1] - range[0]) * share;
}

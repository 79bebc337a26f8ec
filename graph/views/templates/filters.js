/* Part 3: filters hide and show, never lay out again: every change is an update of the
   DataSets' hidden, size, width and opacity fields; positions stay where they are. */
var nodes = null;
var edges = null;
var network = null;
var drawn = { nodes: {}, edges: {} };

function nodePasses(n) {
  var keys = Object.keys(settings.chosen);
  for (var k = 0; k < keys.length; k++) {
    var value = settings.chosen[keys[k]];
    var values = n.facets ? n.facets[keys[k]] : null;
    if (value && values && values.indexOf(value) < 0) { return false; }
  }
  return true;
}

/* Whether an edge is shown: both ends shown and the edge passes on its own. */
function edgePasses(e) {
  return shown.has(data.nodes[e.from].id) && shown.has(data.nodes[e.to].id) && edgeKept(e);
}

/* Whether the role filter, the slider and co-lead keep an edge (vis itself leaves out the
   edges of hidden nodes, so only this decides an edge's hidden flag). */
function edgeKept(e) {
  var mode = roleMode();
  if (e.role && mode !== "all" && roleOf[e.role] !== mode) { return false; }
  if (e.weights) { return edgeWeight(e) >= Math.max(1, settings.minShared); }
  return true;
}

/* The focused node and its neighbours along the edges shown; null when nothing is focused. */
function neighbourhood() {
  if (!settings.focused || !shown.has(settings.focused)) { return null; }
  var near = new Set([settings.focused]);
  shownEdges.forEach(function (i) {
    var ends = edgeEnds(data.edges[i]);
    if (ends[0].id === settings.focused) { near.add(ends[1].id); }
    if (ends[1].id === settings.focused) { near.add(ends[0].id); }
  });
  return near;
}

function nodeLook(n, near) {
  return { hidden: !shown.has(n.id), size: nodeSize(n), opacity: near && !near.has(n.id) ? DIMMED : 1 };
}

function edgeLook(e, i, near) {
  var style = data.edgeStyles[e.kind] || {};
  var weight = edgeWeight(e);
  var touches = !near || edgeEnds(e)[0].id === settings.focused || edgeEnds(e)[1].id === settings.focused;
  var opacity = style.scaled ? scaled(data.edgeScale.opacity, weight) : 0.75;
  return {
    hidden: !edgeKept(e),
    width: style.scaled ? scaled(data.edgeScale.width, weight) : (style.width || 1),
    opacity: touches ? opacity : opacity * DIMMED
  };
}

function changed(before, after) {
  return !before || Object.keys(after).some(function (k) { return before[k] !== after[k]; });
}

function toVisNodeLook(n, look) {
  var update = { id: n.id, hidden: look.hidden, opacity: look.opacity };
  if (look.size) { update.size = look.size; }
  return update;
}

function toVisEdgeLook(e, i, look) {
  var style = data.edgeStyles[e.kind] || {};
  return {
    id: i, hidden: look.hidden, width: look.width,
    color: { color: style.color, highlight: "#ff6f00", hover: "#ff6f00", opacity: look.opacity }
  };
}

/* What each node and edge should look like now; only what changed is sent to vis. */
function looks() {
  shown = new Set(ids.filter(function (id) { return nodePasses(info[id]); }));
  shownEdges = new Set();
  data.edges.forEach(function (e, i) { if (edgePasses(e)) { shownEdges.add(i); } });
  var near = neighbourhood();
  var nodeUpdates = [];
  data.nodes.forEach(function (n) {
    var look = nodeLook(n, near);
    if (changed(drawn.nodes[n.id], look)) { nodeUpdates.push(toVisNodeLook(n, look)); }
    drawn.nodes[n.id] = look;
  });
  var edgeUpdates = [];
  data.edges.forEach(function (e, i) {
    var look = edgeLook(e, i, near);
    if (changed(drawn.edges[i], look)) { edgeUpdates.push(toVisEdgeLook(e, i, look)); }
    drawn.edges[i] = look;
  });
  return [nodeUpdates, edgeUpdates];
}

function applyFilters(refit) {
  var updates = looks();
  if (updates[0].length) { nodes.update(updates[0]); }
  if (updates[1].length) { edges.update(updates[1]); }
  if (refit && shown.size) { network.fit({ nodes: Array.from(shown), animation: false }); }
  showTitle();
  showLegend();
  showStatus();
}

function showStatus(extra) {
  var text = shown.size + " / " + nodes.length + " 节点 nodes · " +
    shownEdges.size + " / " + edges.length + " 连线 edges";
  document.getElementById("status").textContent = extra ? text + " · " + extra : text;
}

/* The title names what is shown: the region chosen (else the plans), type and role. */
function showTitle() {
  var parts = [data.titleBase];
  var scope = settings.chosen.region || data.scope;
  if (scope) { parts.push(scope); }
  if (settings.chosen.type) { parts.push(settings.chosen.type); }
  if (settings.chosen.role) { parts.push(settings.chosen.role); }
  var text = parts.join(" · ");
  document.getElementById("view-title").textContent = text;
  document.title = text;
}

function focusOn(id) {
  settings.focused = id;
  applyFilters(false);
}

function select(label, id, values, onChange) {
  var box = el("label", "field", label);
  var menu = el("select");
  menu.id = id;
  values.forEach(function (pair) { menu.appendChild(new Option(pair[0], pair[1])); });
  menu.addEventListener("change", function () { onChange(menu.value); });
  box.appendChild(menu);
  return box;
}

function buildFilters() {
  var box = document.getElementById("filters");
  data.facets.forEach(function (facet) {
    var values = new Set();
    data.nodes.forEach(function (n) {
      ((n.facets && n.facets[facet.key]) || []).forEach(function (v) { values.add(v); });
    });
    if (values.size < 2) { return; }
    var options = [["全部 All", ""]].concat(Array.from(values).sort().map(function (v) { return [v, v]; }));
    box.appendChild(select(facet.label, "filter-" + facet.key, options, function (value) {
      settings.chosen[facet.key] = value;
      applyFilters(true);
    }));
  });
  if (data.controls.indexOf("min_shared") >= 0) { box.appendChild(minSharedControl()); }
  if (data.controls.indexOf("co_lead") >= 0) { box.appendChild(coLeadControl()); }
}

function minSharedControl() {
  var box = el("label", "field", "最少共同举措 min. shared measures ");
  var shownValue = el("output", null, "1");
  shownValue.id = "min-shared-value";
  var slider = el("input");
  slider.type = "range";
  slider.id = "min-shared";
  slider.min = "1";
  slider.max = String(heaviest[0]);
  slider.value = "1";
  slider.addEventListener("input", function () {
    settings.minShared = Number(slider.value);
    shownValue.textContent = slider.value;
    applyFilters(false);
  });
  box.appendChild(shownValue);
  box.appendChild(slider);
  return box;
}

function coLeadControl() {
  var box = el("label", "field check");
  var check = el("input");
  check.type = "checkbox";
  check.id = "co-lead";
  check.addEventListener("change", function () {
    settings.coLead = check.checked;
    applyFilters(false);
  });
  box.appendChild(check);
  box.appendChild(el("span", null, " 仅共同牵头 co-lead edges only"));
  return box;
}

function resetFilters() {
  settings.chosen = {};
  settings.minShared = 1;
  settings.coLead = false;
  settings.focused = null;
  document.querySelectorAll("#filters select").forEach(function (s) { s.value = ""; });
  var slider = document.getElementById("min-shared");
  if (slider) { slider.value = "1"; document.getElementById("min-shared-value").textContent = "1"; }
  var check = document.getElementById("co-lead");
  if (check) { check.checked = false; }
  network.unselectAll();
  applyFilters(true);
}

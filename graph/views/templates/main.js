/* Part 6b: the network, its events, and the first drawing. */
function toVisNode(n) {
  var style = data.nodeStyles[n.style || n.kind] || {};
  var node = {
    id: n.id, label: data.declutter ? undefined : n.label, shape: style.shape, font: style.font,
    color: n.color || style.color, x: n.x, y: n.y
  };
  if (style.colorAsBorder) {
    node.color = { background: "#ffffff", border: n.color,
      highlight: { background: "#fff3e0", border: n.color },
      hover: { background: "#fff3e0", border: n.color } };
    node.borderWidth = style.borderWidth;
  }
  if (n.size || style.size) { node.size = n.size || style.size; }
  return node;
}

function toVisEdge(e, i) {
  var style = data.edgeStyles[e.kind] || {};
  var edge = { id: i, from: data.nodes[e.from].id, to: data.nodes[e.to].id, dashes: style.dashes || false };
  if (style.smooth) { edge.smooth = style.smooth; }
  return edge;
}

function visibleView(set, all) {
  return {
    get length() { return set().size; },
    getIds: function () { return all().filter(function (id) { return set().has(id); }); }
  };
}

function markReady() {
  if (state.ready) { return; }
  state.ready = true;
  state.readyMs = performance.now();
  document.body.setAttribute("data-ready", "true");
  showStatus();
}

function onClick(params) {
  hideTip();
  if (params.nodes.length) {
    focusOn(params.nodes[0]);
    showNodeDetails(params.nodes[0]);
  } else if (params.edges.length) {
    showEdgeDetails(params.edges[0]);
  } else if (settings.focused) {
    focusOn(null);
  }
}

function listen() {
  network.on("click", onClick);
  network.on("hoverNode", function (p) { showTip(nodeTip(info[p.node]), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeTip(data.edges[p.edge]), p.pointer.DOM); });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (name) { network.on(name, hideTip); });
  if (data.declutter) {
    network.on("beforeDrawing", drawIslands);
    network.on("afterDrawing", drawLabels);
  }
  network.once("afterDrawing", markReady);
  document.getElementById("reset").addEventListener("click", resetFilters);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && settings.focused) { network.unselectAll(); focusOn(null); }
  });
}

looks();
nodes = new vis.DataSet(data.nodes.map(function (n) {
  return Object.assign(toVisNode(n), toVisNodeLook(n, drawn.nodes[n.id]));
}));
edges = new vis.DataSet(data.edges.map(function (e, i) {
  return Object.assign(toVisEdge(e, i), toVisEdgeLook(e, i, drawn.edges[i]));
}));
network = new vis.Network(document.getElementById("network"), { nodes: nodes, edges: edges }, data.options);
state.nodes = nodes;
state.edges = edges;
state.network = network;
state.settings = settings;
state.nodeView = visibleView(function () { return shown; }, function () { return nodes.getIds(); });
state.edgeView = visibleView(function () { return shownEdges; }, function () { return edges.getIds(); });
buildFilters();
buildSearch();
listen();
showTitle();
showLegend();
showStatus();
state.builtMs = performance.now();

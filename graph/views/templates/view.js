/* plankg viz: draws the view in #plankg-data with vis-network. Every text from the data reaches
   the page through textContent, DOM nodes or canvas labels, never as HTML. */
(function () {
  "use strict";
  var TIP_CHARS = 360;
  var MAX_WIDTH = 10;
  var data = JSON.parse(document.getElementById("plankg-data").textContent);
  var info = {};
  var ids = data.nodes.map(function (n) { info[n.id] = n; return n.id; });
  var chosen = {};
  var shown = new Set(ids);
  var state = { ready: false, readyMs: null, view: data.name };
  window.plankg = state;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function clip(text, max) {
    return text.length > max ? text.slice(0, max) + "…" : text;
  }

  function tip(zh, en, text) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-zh", zh));
    if (en) { box.appendChild(el("div", "tip-en", en)); }
    if (text) { box.appendChild(el("div", "tip-text", clip(text, TIP_CHARS))); }
    return box;
  }

  function toVisNode(n) {
    var style = data.nodeStyles[n.style || n.kind] || {};
    var node = {
      id: n.id, label: n.label, shape: style.shape, font: style.font,
      color: n.color || style.color, title: tip(n.label_zh, n.label_en, n.text)
    };
    if (style.colorAsBorder) {
      node.color = { background: "#ffffff", border: n.color,
        highlight: { background: "#fff3e0", border: n.color },
        hover: { background: "#fff3e0", border: n.color } };
      node.borderWidth = style.borderWidth;
    }
    if (n.size || style.size) { node.size = n.size || style.size; }
    if (n.x !== undefined && n.y !== undefined) { node.x = n.x; node.y = n.y; }
    return node;
  }

  function toVisEdge(e, i) {
    var style = data.edgeStyles[e.kind] || {};
    var from = data.nodes[e.from];
    var to = data.nodes[e.to];
    var weight = e.weight || 1;
    var head = from.label_zh + " — " + to.label_zh;
    var line = (data.edgeLabels[e.kind] || e.kind) + (weight > 1 ? " × " + weight : "");
    return {
      id: i, from: from.id, to: to.id, role: e.role || null, weight: weight,
      color: { color: style.color, highlight: "#ff6f00", hover: "#ff6f00", opacity: 0.75 },
      width: Math.min(MAX_WIDTH, (style.width || 1) * (1 + Math.log2(weight))),
      dashes: style.dashes || false,
      title: tip(head, line, e.text)
    };
  }

  var nodes = new vis.DataSet(data.nodes.map(toVisNode));
  var edges = new vis.DataSet(data.edges.map(toVisEdge));
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return shown.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: edgePasses });
  var container = document.getElementById("network");
  var network = new vis.Network(container, {}, data.options);
  state.nodes = nodes;
  state.edges = edges;
  state.nodeView = nodeView;
  state.edgeView = edgeView;
  state.network = network;

  function edgePasses(e) {
    if (!shown.has(e.from) || !shown.has(e.to)) { return false; }
    return !chosen.role || !e.role || e.role === chosen.role;
  }

  function nodePasses(n) {
    var keys = Object.keys(chosen);
    for (var k = 0; k < keys.length; k++) {
      var value = chosen[keys[k]];
      var values = n.facets ? n.facets[keys[k]] : null;
      if (value && values && values.indexOf(value) < 0) { return false; }
    }
    return true;
  }

  function applyFilters() {
    shown = new Set(ids.filter(function (id) { return nodePasses(info[id]); }));
    nodeView.refresh();
    edgeView.refresh();
    network.fit({ animation: false });
    showStatus();
  }

  function showStatus(extra) {
    var text = nodeView.length + " / " + nodes.length + " 节点 nodes · " +
      edgeView.length + " / " + edges.length + " 连线 edges";
    document.getElementById("status").textContent = extra ? text + " · " + extra : text;
  }

  function buildFilters() {
    var box = document.getElementById("filters");
    data.facets.forEach(function (facet) {
      var values = new Set();
      data.nodes.forEach(function (n) {
        ((n.facets && n.facets[facet.key]) || []).forEach(function (v) { values.add(v); });
      });
      if (values.size < 2) { return; }
      var label = el("label", "field", facet.label);
      var select = el("select");
      select.id = "filter-" + facet.key;
      select.appendChild(new Option("全部 All", ""));
      Array.from(values).sort().forEach(function (v) { select.appendChild(new Option(v, v)); });
      select.addEventListener("change", function () {
        chosen[facet.key] = select.value;
        applyFilters();
      });
      label.appendChild(select);
      box.appendChild(label);
    });
  }

  function resetFilters() {
    chosen = {};
    document.querySelectorAll("#filters select").forEach(function (s) { s.value = ""; });
    applyFilters();
  }

  var byName = {};

  function buildSearch() {
    var list = document.getElementById("search-names");
    data.nodes.forEach(function (n) {
      var name = n.label_zh;
      var unique = name;
      for (var i = 2; byName[unique]; i++) { unique = name + " (" + i + ")"; }
      byName[unique] = n.id;
      var option = document.createElement("option");
      option.value = unique;
      list.appendChild(option);
    });
    var input = document.getElementById("search");
    input.addEventListener("change", function () { findNode(input.value); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { findNode(input.value); }
    });
  }

  function findNode(name) {
    var id = byName[name];
    if (!id) { return; }
    if (!shown.has(id)) { resetFilters(); }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: { duration: 400 } });
    showDetails(id);
  }

  function showDetails(id) {
    var n = info[id];
    document.getElementById("details").hidden = false;
    document.getElementById("details-title").textContent = n.label_zh;
    document.getElementById("details-en").textContent = n.label_en;
    document.getElementById("details-text").textContent = n.text || "";
    var list = document.getElementById("details-lines");
    list.textContent = "";
    (n.details || []).forEach(function (line) { list.appendChild(el("li", null, line)); });
  }

  function buildLegend() {
    var list = document.getElementById("legend-items");
    data.legend.forEach(function (entry) {
      var item = el("li");
      var mark = el("span", "mark " + entry.mark);
      if (entry.mark === "line" || entry.mark === "dashed") {
        mark.style.borderTopColor = entry.color;
      } else if (entry.color) {
        mark.style.backgroundColor = entry.color;
      }
      item.appendChild(mark);
      item.appendChild(el("span", null, entry.label));
      list.appendChild(item);
    });
  }

  function markReady() {
    if (state.ready) { return; }
    state.ready = true;
    state.readyMs = performance.now();
    document.body.setAttribute("data-ready", "true");
    showStatus();
  }

  document.getElementById("view-title").textContent = data.title;
  buildLegend();
  buildFilters();
  buildSearch();
  document.getElementById("reset").addEventListener("click", resetFilters);
  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(params.nodes[0]); }
  });
  var physics = data.options.physics && data.options.physics.enabled !== false;
  if (physics) {
    network.on("stabilizationProgress", function (p) {
      showStatus("布局中 laying out " + Math.round(100 * p.iterations / p.total) + "%");
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markReady();
    });
  } else {
    network.once("afterDrawing", markReady);
  }
  network.setData({ nodes: nodeView, edges: edgeView });
  showStatus();
}());

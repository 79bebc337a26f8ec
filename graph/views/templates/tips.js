/* Part 2: what hovering shows (a tooltip of plankg's own, filled with DOM nodes) and the
   details panel a click fills. */
function tipBox(zh, en, lines, text) {
  var box = el("div", "tip");
  box.appendChild(el("div", "tip-zh", zh));
  if (en) { box.appendChild(el("div", "tip-en", en)); }
  (lines || []).forEach(function (line) { box.appendChild(el("div", "tip-line", line)); });
  if (text) { box.appendChild(el("div", "tip-text", clip(text, TIP_CHARS))); }
  return box;
}

function nodeTip(n) {
  var counts = nodeCounts(n);
  return tipBox(n.label_zh, n.label_en, counts ? [countsLine(counts)] : [], n.text);
}

function edgeEnds(e) {
  return [data.nodes[e.from], data.nodes[e.to]];
}

function roleWord(leads) {
  return leads ? data.roleLabels.lead : data.roleLabels.partner;
}

/* The measures an edge stands for: "提升行动1.2 … · 牵头 lead / 参与 partner". */
function sharedLines(e, limit) {
  var lines = (e.measures || []).map(function (code) {
    var ref = data.measures[code >> 2];
    return ref + " · " + roleWord(code & 2) + " / " + roleWord(code & 1);
  });
  if (limit && lines.length > limit) {
    var more = lines.length - limit;
    lines = lines.slice(0, limit);
    lines.push("… 还有 " + more + " 项 more (点击连线 click the edge)");
  }
  return lines;
}

function edgeSummary(e) {
  var label = data.edgeLabels[e.kind] || e.kind;
  if (!e.weights) { return label + " " + (e.weight || 1); }
  return label + " " + e.weights[0] + " · " + data.roleLabels.lead + " " + e.weights[1] +
    " · " + data.roleLabels.partner + " " + e.weights[2];
}

function edgeTip(e) {
  var ends = edgeEnds(e);
  return tipBox(ends[0].label_zh + " — " + ends[1].label_zh, edgeSummary(e),
    sharedLines(e, TIP_MEASURES), e.text);
}

var tip = document.getElementById("tip");

function showTip(box, pointer) {
  tip.textContent = "";
  tip.appendChild(box);
  tip.hidden = false;
  var area = document.getElementById("network").getBoundingClientRect();
  var x = Math.min(area.left + pointer.x + 14, area.right - tip.offsetWidth - 4);
  var y = area.top + pointer.y + 14;
  if (y + tip.offsetHeight > area.bottom) { y = Math.max(0, y - tip.offsetHeight - 24); }
  tip.style.left = Math.max(area.left, x) + "px";
  tip.style.top = y + "px";
}

function hideTip() {
  tip.hidden = true;
}

function showDetails(title, en, lines, text, items) {
  document.getElementById("details").hidden = false;
  document.getElementById("details-title").textContent = title;
  document.getElementById("details-en").textContent = en || "";
  var numbers = document.getElementById("details-numbers");
  numbers.textContent = "";
  lines.forEach(function (line) { numbers.appendChild(el("div", null, line)); });
  document.getElementById("details-text").textContent = text || "";
  var list = document.getElementById("details-lines");
  list.textContent = "";
  items.forEach(function (line) { list.appendChild(el("li", null, line)); });
}

/* Numbers per region shown (a type works in several), then the total. */
function numberLines(n) {
  if (!n.counts) { return []; }
  var regions = Object.keys(n.counts).filter(function (region) {
    return !settings.chosen.region || region === settings.chosen.region;
  });
  var lines = [countsLine(nodeCounts(n))];
  if (regions.length > 1) {
    regions.forEach(function (region) { lines.push(region + "：" + countsLine(n.counts[region])); });
  }
  return lines;
}

function showNodeDetails(id) {
  var n = info[id];
  showDetails(n.label_zh, n.label_en, numberLines(n), n.text, n.details || []);
}

function showEdgeDetails(index) {
  var e = data.edges[index];
  var ends = edgeEnds(e);
  var items = e.measures ? sharedLines(e, 0) : (e.text ? e.text.split("\n") : []);
  showDetails(ends[0].label_zh + " — " + ends[1].label_zh, edgeSummary(e), [], "", items);
}

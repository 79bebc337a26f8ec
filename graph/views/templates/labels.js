/* Part 5: labels drawn by the page where the view asks for it (the agencies view): sized by
   measures led, never smaller than labelRule.min_px on screen (they appear as one zooms in),
   never over a more important label, and each region named once above its island. */
var labelOrder = data.nodes.map(function (n, i) { return i; }).sort(function (a, b) {
  var ca = nodeCounts(data.nodes[a]) || [0, 0];
  var cb = nodeCounts(data.nodes[b]) || [0, 0];
  return (cb[0] - ca[0]) || (cb[1] - ca[1]) || (a - b);
});

function labelFont(n, scale) {
  var rule = data.labelRule;
  var counts = nodeCounts(n) || [0];
  var size = rule.base + rule.step * Math.sqrt(roleMode() === "partner" ? counts[1] : counts[0]);
  return Math.min(size, rule.max_px / scale);
}

function overlaps(box, boxes) {
  for (var i = 0; i < boxes.length; i++) {
    var other = boxes[i];
    if (box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 && other.y0 < box.y1) {
      return true;
    }
  }
  return false;
}

function drawText(ctx, text, x, y, size, color, weight) {
  ctx.font = (weight || "") + " " + size + "px " + data.options.nodes.font.face;
  ctx.lineWidth = size / 4;
  ctx.strokeStyle = "rgba(255,255,255,0.9)";
  ctx.fillStyle = color;
  ctx.strokeText(text, x, y);
  ctx.fillText(text, x, y);
}

function drawLabels(ctx) {
  var scale = network.getScale();
  var near = neighbourhood();
  var positions = network.getPositions(Array.from(shown));
  var boxes = [];
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  labelOrder.forEach(function (i) {
    var n = data.nodes[i];
    var at = positions[n.id];
    if (!at || (near && !near.has(n.id))) { return; }
    var size = labelFont(n, scale);
    if (size * scale < data.labelRule.min_px) { return; }
    ctx.font = size + "px " + data.options.nodes.font.face;
    var width = ctx.measureText(n.label).width;
    var top = at.y + (drawn.nodes[n.id].size || 10) + 2;
    var box = { x0: at.x - width / 2, x1: at.x + width / 2, y0: top, y1: top + size * 1.2, id: n.id, px: size * scale };
    if (overlaps(box, boxes)) { return; }
    boxes.push(box);
    drawText(ctx, n.label, at.x, top, size, "#263238");
  });
  state.labels = boxes.map(function (box) {
    var a = network.canvasToDOM({ x: box.x0, y: box.y0 });
    var b = network.canvasToDOM({ x: box.x1, y: box.y1 });
    return { id: box.id, px: box.px, x0: a.x, y0: a.y, x1: b.x, y1: b.y };
  });
}

/* Each region's name once, centred above the nodes of it that are shown. */
function drawIslands(ctx) {
  var scale = network.getScale();
  var positions = network.getPositions(Array.from(shown));
  var bounds = {};
  Object.keys(positions).forEach(function (id) {
    var region = (info[id].facets.region || [])[0];
    var at = positions[id];
    var b = bounds[region] || (bounds[region] = { x0: at.x, x1: at.x, y0: at.y });
    b.x0 = Math.min(b.x0, at.x);
    b.x1 = Math.max(b.x1, at.x);
    b.y0 = Math.min(b.y0, at.y - (drawn.nodes[id].size || 10));
  });
  var size = data.labelRule.island_px / scale;
  ctx.textAlign = "center";
  ctx.textBaseline = "bottom";
  state.islands = Object.keys(bounds).sort().map(function (region) {
    var b = bounds[region];
    var x = (b.x0 + b.x1) / 2;
    var y = b.y0 - size * 0.6;
    drawText(ctx, region, x, y, size, "#37474f", "bold");
    var at = network.canvasToDOM({ x: x, y: y });
    return { region: region, x: at.x, y: at.y };
  });
}

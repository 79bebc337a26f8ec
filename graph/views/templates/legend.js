/* Part 4: the legend lists what is shown: node kinds and edge styles, then the agency types
   of the nodes shown, grouped by family, each with how many nodes it colours. */
function legendItem(entry, count) {
  var item = el("li");
  var mark = el("span", "mark " + entry.mark);
  if (entry.mark === "line" || entry.mark === "dashed") {
    mark.style.borderTopColor = entry.color;
  } else if (entry.color) {
    mark.style.backgroundColor = entry.color;
  }
  item.appendChild(mark);
  item.appendChild(el("span", "legend-label", entry.label));
  if (count !== undefined) { item.appendChild(el("span", "legend-count", String(count))); }
  return item;
}

function shownByLegend() {
  var counts = {};
  shown.forEach(function (id) {
    var key = info[id].legend;
    if (key) { counts[key] = (counts[key] || 0) + 1; }
  });
  return counts;
}

function showLegend() {
  var list = document.getElementById("legend-items");
  var counts = shownByLegend();
  var families = {};
  data.legend.forEach(function (entry) {
    if (entry.family && counts[entry.label]) {
      families[entry.family] = (families[entry.family] || 0) + counts[entry.label];
    }
  });
  list.textContent = "";
  var family = null;
  data.legend.forEach(function (entry) {
    if (!entry.family) { list.appendChild(legendItem(entry)); return; }
    if (!counts[entry.label]) { return; }
    if (entry.family !== family) {
      family = entry.family;
      var head = el("li", "legend-family");
      head.appendChild(el("span", "legend-label", family));
      head.appendChild(el("span", "legend-count", String(families[family])));
      list.appendChild(head);
    }
    var item = legendItem(entry, counts[entry.label]);
    item.className = "legend-type";
    list.appendChild(item);
  });
}

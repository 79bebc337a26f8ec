/* Part 6a: search as people search: any part of a name lists every match with its region;
   Enter on a single match (or an exact name) goes there; no match says so. */
var regionCount = new Set(data.nodes.map(function (n) { return ((n.facets || {}).region || [""])[0]; })).size;

function searchName(n) {
  var regions = (n.facets && n.facets.region) || [];
  var named = n.label_zh.indexOf(regions[0]) >= 0 || n.kind === "region";
  return named || regionCount < 2 || !regions.length ? n.label_zh : n.label_zh + "（" + regions.join("、") + "）";
}

function matches(query) {
  var wanted = query.trim().toLowerCase();
  if (!wanted) { return []; }
  return data.nodes.filter(function (n) {
    return n.label_zh.toLowerCase().indexOf(wanted) >= 0 || (n.label_en || "").toLowerCase().indexOf(wanted) >= 0;
  });
}

function searchStatus(text) {
  document.getElementById("search-status").textContent = text;
}

function listMatches(found, query) {
  var list = document.getElementById("search-results");
  list.textContent = "";
  if (!query.trim()) { searchStatus(""); return; }
  searchStatus(found.length ? found.length + " 个匹配 matches" : "没有匹配 no match: " + query.trim());
  found.forEach(function (n) {
    var item = el("li");
    var button = el("button", "match", searchName(n));
    button.type = "button";
    button.addEventListener("click", function () { goTo(n.id); });
    item.appendChild(button);
    list.appendChild(item);
  });
}

function goTo(id) {
  if (!shown.has(id)) { resetFilters(); }
  network.selectNodes([id]);
  focusOn(id);
  network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400 } });
  showNodeDetails(id);
}

function buildSearch() {
  var input = document.getElementById("search");
  input.addEventListener("input", function () { listMatches(matches(input.value), input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    var found = matches(input.value);
    listMatches(found, input.value);
    var exact = found.filter(function (n) { return searchName(n) === input.value.trim() || n.label_zh === input.value.trim(); });
    var one = found.length === 1 ? found[0] : (exact.length === 1 ? exact[0] : null);
    if (one) { goTo(one.id); searchStatus("1 个匹配 match: " + searchName(one)); }
    else if (found.length) { searchStatus(found.length + " 个匹配 matches — 请选择 choose one"); }
  });
}

/* plankg viz --view tasks: task families × plans as a table. Every text from the data reaches
   the page through textContent or DOM attributes, never as HTML. */
var startMs = performance.now();
var MAX_RESULTS = 100;
var data = JSON.parse(document.getElementById("plankg-data").textContent);
var columns = data.columns;
var settings = { regions: new Set(columns.map(function (c, i) { return i; })), type: "",
  action: "", different: false, missing: false };
var rows = [];
var groups = [];
var selected = null;
var state = { ready: false, view: data.name, settings: settings, startMs: startMs };
window.plankg = state;

function byId(id) { return document.getElementById(id); }

function leadTypes(cell) {
  var types = [];
  cell.leads.forEach(function (lead) { lead.types.forEach(function (t) { types.push(t); }); });
  return types;
}

function leadNames(cell) {
  return cell.leads.map(function (lead) { return lead.name; }).join("、") || "—";
}

/* ---- the table ---- */

function buildHead() {
  var head = byId("head");
  head.appendChild(el("th", "corner", "同类任务 Task family"));
  columns.forEach(function (column, i) {
    var th = el("th", "col", column.region);
    th.dataset.col = i;
    th.appendChild(el("span", "key", column.key));
    head.appendChild(th);
  });
}

function buildCell(cell) {
  var td = el("td", "cell");
  var title = el("div", "t");
  title.appendChild(el("span", "no", cell.position));
  title.appendChild(document.createTextNode(" " + cell.title));
  td.title = cell.position + " " + cell.title;
  td.appendChild(title);
  var leads = el("ul", "leads");
  cell.leads.forEach(function (lead) {
    var li = el("li");
    var dot = el("span", "dot");
    dot.style.background = lead.color;
    li.appendChild(dot);
    li.appendChild(document.createTextNode(lead.name));
    li.title = lead.types.join(", ");
    leads.appendChild(li);
    leads.appendChild(document.createTextNode(" "));
  });
  if (!cell.leads.length) { leads.appendChild(el("li", "", "牵头 lead —")); }
  td.appendChild(leads);
  return td;
}

/* A click, or Enter or Space with the keyboard (cells are in the tab order), shows details. */
function clickable(node, show) {
  node.tabIndex = 0;
  node.addEventListener("click", show);
  node.addEventListener("keydown", function (e) {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); show(); }
  });
}

function buildRow(group, data_row, body) {
  var tr = el("tr", "family-row");
  var th = el("th", "family", data_row.title);
  var count = el("span", "count");
  th.appendChild(count);
  tr.appendChild(th);
  var row = { group: group, data: data_row, tr: tr, th: th, count: count, tds: [] };
  data_row.cells.forEach(function (cell, i) {
    var td = cell ? buildCell(cell) : el("td", "missing", "无此任务 missing");
    td.dataset.col = i;
    if (cell) { clickable(td, function () { select(td, cellDetails(row, i)); }); }
    row.tds.push(td);
    tr.appendChild(td);
  });
  clickable(th, function () { select(th, familyDetails(row)); });
  body.appendChild(tr);
  rows.push(row);
}

function buildRows() {
  var body = byId("rows");
  data.groups.forEach(function (data_group) {
    var tr = el("tr", "group");
    var th = el("th", "", data_group.action);
    th.colSpan = columns.length + 1;
    if (data_group.action_en) { th.appendChild(el("span", "en", data_group.action_en)); }
    tr.appendChild(th);
    body.appendChild(tr);
    var group = { data: data_group, tr: tr };
    groups.push(group);
    data_group.rows.forEach(function (r) { buildRow(group, r, body); });
  });
}

/* ---- filters ---- */

function shownCells(row) {
  var cells = [];
  row.data.cells.forEach(function (cell, i) { if (settings.regions.has(i) && cell) { cells.push(cell); } });
  return cells;
}

function ledDifferently(cells) {
  var kinds = new Set(cells.map(function (c) { return leadTypes(c).sort().filter(function (t, i, a) {
    return a.indexOf(t) === i; }).join("|"); }));
  return cells.length > 1 && kinds.size > 1;
}

/* The lead types every shown plan carrying the task shares: the answer to "who leads it",
   or, when the plans share none, a warning. */
function commonTypes(cells) {
  if (!cells.length) { return []; }
  return leadTypes(cells[0]).filter(function (t, i, all) {
    return all.indexOf(t) === i && cells.every(function (c) { return leadTypes(c).indexOf(t) >= 0; });
  }).sort();
}

function commonLead(cells) {
  var common = commonTypes(cells);
  if (cells.length < 2) { return el("span", "common"); }
  if (!common.length) { return el("span", "common none", "无共同牵头职能 no lead type in common"); }
  var zh = common.map(function (t) { return t.split(" ")[0]; }).join("、");
  return el("span", "common", "共同牵头 all led by: " + zh);
}

function typeMatches(cell) {
  return !settings.type || leadTypes(cell).indexOf(settings.type) >= 0;
}

function rowShown(row, cells) {
  if (!cells.length) { return false; }
  if (settings.action && row.group.data.action !== settings.action) { return false; }
  if (settings.type && !cells.some(typeMatches)) { return false; }
  if (settings.different && !ledDifferently(cells)) { return false; }
  return !settings.missing || cells.length < settings.regions.size;
}

function applyRow(row) {
  var cells = shownCells(row);
  row.shown = rowShown(row, cells);
  row.tr.classList.toggle("off", !row.shown);
  row.count.textContent = cells.length + " / " + settings.regions.size + " 个方案 plans";
  row.count.appendChild(commonLead(cells));
  row.tds.forEach(function (td, i) {
    var cell = row.data.cells[i];
    td.classList.toggle("off", !settings.regions.has(i));
    td.classList.toggle("dim", Boolean(cell) && !typeMatches(cell));
  });
}

function apply() {
  document.querySelectorAll("thead th.col").forEach(function (th) {
    th.classList.toggle("off", !settings.regions.has(Number(th.dataset.col)));
  });
  rows.forEach(applyRow);
  groups.forEach(function (group) {
    group.tr.classList.toggle("off", !rows.some(function (r) { return r.group === group && r.shown; }));
  });
  var shown = rows.filter(function (r) { return r.shown; }).length;
  byId("status").textContent = shown + " / " + rows.length + " 同类任务 task families · " +
    settings.regions.size + " / " + columns.length + " 个方案 plans";
  var scope = settings.regions.size < columns.length ? columns.filter(function (c, i) {
    return settings.regions.has(i); }).map(function (c) { return c.region; }).join("、") : "";
  byId("view-title").textContent = data.title + (scope ? " · " + scope : "");
}

function option(select, value, label) {
  var item = el("option", "", label);
  item.value = value;
  select.appendChild(item);
}

function buildFilters() {
  var regions = byId("filter-region");
  regions.appendChild(el("legend", "", data.facets.region));
  columns.forEach(function (column, i) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = column.region;
    box.dataset.col = i;
    box.addEventListener("change", function () {
      if (box.checked) { settings.regions.add(i); } else { settings.regions.delete(i); }
      apply();
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(column.region));
    regions.appendChild(label);
  });
  byId("type-label").textContent = data.facets.type;
  byId("action-label").textContent = data.facets.action;
  var types = new Set();
  rows.forEach(function (r) { r.data.cells.forEach(function (c) { if (c) { leadTypes(c).forEach(function (t) { types.add(t); }); } }); });
  option(byId("filter-type"), "", "全部 All");
  Array.from(types).sort().forEach(function (t) { option(byId("filter-type"), t, t); });
  option(byId("filter-action"), "", "全部 All");
  data.groups.forEach(function (g) { option(byId("filter-action"), g.action, g.action); });
  byId("filter-type").addEventListener("change", function (e) { settings.type = e.target.value; apply(); });
  byId("filter-action").addEventListener("change", function (e) { settings.action = e.target.value; apply(); });
  byId("only-different").addEventListener("change", function (e) { settings.different = e.target.checked; apply(); });
  byId("only-missing").addEventListener("change", function (e) { settings.missing = e.target.checked; apply(); });
  byId("reset").addEventListener("click", function () { reset(); byId("search").value = ""; search(); });
}

function reset() {
  columns.forEach(function (c, i) { settings.regions.add(i); });
  document.querySelectorAll("#filter-region input").forEach(function (box) { box.checked = true; });
  settings.type = settings.action = "";
  settings.different = settings.missing = false;
  byId("filter-type").value = byId("filter-action").value = "";
  byId("only-different").checked = byId("only-missing").checked = false;
  apply();
}

/* ---- details ---- */

function cellDetails(row, i) {
  var cell = row.data.cells[i];
  var column = columns[i];
  var lines = [
    "牵头 lead: " + (cell.leads.map(function (l) { return l.name + "（" + l.types.join(", ") + "）"; }).join("、") || "—"),
    "参与 partner: " + (cell.partners.join("、") || "—"),
    "同类任务 task family: " + row.data.title
  ];
  if (cell.similarity !== null) { lines.push("相似度 similarity " + cell.similarity); }
  cell.clauses.forEach(function (c) { lines.push(c); });
  return { title: column.region + " " + cell.position + " " + cell.title,
    en: [column.key, cell.lines].filter(Boolean).join(" · "), lines: lines, text: cell.text };
}

function familyDetails(row) {
  var lines = [];
  row.data.cells.forEach(function (cell, i) {
    if (!settings.regions.has(i)) { return; }
    var region = columns[i].region;
    lines.push(cell ? region + " " + cell.position + " " + cell.title + " — 牵头 lead: " + leadNames(cell)
      : region + " — 无此任务 missing");
  });
  return { title: row.data.title, en: row.group.data.action + " · " + row.count.textContent,
    lines: lines, text: "" };
}

function select(node, details) {
  if (selected) { selected.classList.remove("selected"); }
  selected = node;
  node.classList.add("selected");
  byId("details").hidden = false;
  byId("details-title").textContent = details.title;
  byId("details-en").textContent = details.en;
  var list = byId("details-lines");
  list.replaceChildren();
  details.lines.forEach(function (line) { list.appendChild(el("li", "", line)); });
  byId("details-text").textContent = details.text;
}

/* ---- search ---- */

function found(query) {
  var results = [];
  rows.forEach(function (row) {
    if (row.data.title.toLowerCase().indexOf(query) >= 0) {
      results.push({ label: "同类任务 " + row.data.title, row: row, col: -1 });
    }
    row.data.cells.forEach(function (cell, i) {
      if (!cell) { return; }
      var text = [cell.title, leadNames(cell), cell.partners.join("、")].join(" ").toLowerCase();
      if (text.indexOf(query) < 0) { return; }
      results.push({ label: columns[i].region + " " + cell.position + " " + cell.title +
        "（" + leadNames(cell) + "）", row: row, col: i });
    });
  });
  return results;
}

function go(result) {
  var hidden = !result.row.shown || (result.col >= 0 && !settings.regions.has(result.col));
  if (hidden) { reset(); }
  var node = result.col < 0 ? result.row.th : result.row.tds[result.col];
  node.scrollIntoView({ block: "center", inline: "nearest" });
  select(node, result.col < 0 ? familyDetails(result.row) : cellDetails(result.row, result.col));
}

var results = [];

function search() {
  var query = byId("search").value.trim().toLowerCase();
  document.querySelectorAll(".hit").forEach(function (n) { n.classList.remove("hit"); });
  var list = byId("search-results");
  list.replaceChildren();
  results = query ? found(query) : [];
  results.forEach(function (r) { (r.col < 0 ? r.row.th : r.row.tds[r.col]).classList.add("hit"); });
  results.slice(0, MAX_RESULTS).forEach(function (result) {
    var button = el("button", "match", result.label);
    button.type = "button";
    button.addEventListener("click", function () { go(result); });
    var li = el("li");
    li.appendChild(button);
    list.appendChild(li);
  });
  byId("search-status").textContent = !query ? "" : results.length ?
    results.length + " 个匹配 matches" : "没有匹配 no match: " + query;
}

function buildSearch() {
  byId("search").addEventListener("input", search);
  byId("search").addEventListener("keydown", function (e) {
    if (e.key === "Enter" && results.length) { go(results[0]); }
  });
}

/* ---- legend ---- */

function buildLegend() {
  var list = byId("legend-items");
  var family = null;
  data.legend.forEach(function (entry) {
    if (entry.family && entry.family !== family) {
      family = entry.family;
      list.appendChild(el("li", "legend-family", family));
    }
    var li = el("li", entry.family ? "legend-type" : "legend-other");
    var mark = el("span", "mark " + entry.mark);
    mark.style.background = entry.color;
    li.appendChild(mark);
    li.appendChild(el("span", "legend-label", entry.label));
    if (entry.family) {
      li.addEventListener("click", function () {
        settings.type = entry.label;
        byId("filter-type").value = entry.label;
        apply();
      });
    }
    list.appendChild(li);
  });
}

buildHead();
buildRows();
document.documentElement.style.setProperty("--head-height", byId("head").offsetHeight + "px");
buildFilters();
buildSearch();
buildLegend();
apply();
state.shownFamilies = function () {
  return rows.filter(function (r) { return r.shown; }).map(function (r) { return r.data.family; });
};
state.ready = true;
state.readyMs = performance.now();

// Open a GraphML or GEXF file with graphology's own parser and print what it read as JSON:
//   node read-network.mjs graphml|gexf FILE [NODE]
// {order, size, type, multi, edgeKeys (distinct), node: NODE's attributes, edges: NODE's
// out-edges with their keys and attributes}. A file the parser refuses exits non-zero.
import { readFileSync } from "node:fs";
import Graph from "graphology";
import gexf from "graphology-gexf";
import graphml from "graphology-graphml";

const [format, file, node] = process.argv.slice(2);
const parsers = { graphml: graphml.parse, gexf: gexf.parse };
if (!(format in parsers) || !file) {
  console.error("usage: node read-network.mjs graphml|gexf FILE [NODE]");
  process.exit(2);
}
const graph = parsers[format](Graph, readFileSync(file, "utf-8"));
const summary = {
  order: graph.order,
  size: graph.size,
  type: graph.type,
  multi: graph.multi,
  edgeKeys: new Set(graph.edges()).size,
};
if (node !== undefined) {
  summary.node = graph.getNodeAttributes(node);
  summary.edges = graph.mapOutEdges(node, (key, attributes, source, target) => ({
    key, source, target, attributes,
  }));
}
console.log(JSON.stringify(summary));

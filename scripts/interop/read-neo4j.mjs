// Run one read query with the Node.js Neo4j driver and print its records as JSON, each value
// with the type the driver gave it:  node read-neo4j.mjs 'CYPHER' ['{"param": …}']
// Connects to NEO4J_URI as NEO4J_USER (default neo4j) with NEO4J_PASSWORD.
import neo4j from "neo4j-driver";

const [query, params = "{}"] = process.argv.slice(2);
const { NEO4J_URI, NEO4J_USER = "neo4j", NEO4J_PASSWORD = "" } = process.env;
if (!query || !NEO4J_URI) {
  console.error("usage: NEO4J_URI=… node read-neo4j.mjs 'CYPHER' ['{\"param\": …}']");
  process.exit(2);
}

function typed(value) {
  if (neo4j.isInt(value)) return { type: "integer", value: value.toString() };
  if (value === null) return { type: "null", value: null };
  if (Array.isArray(value)) return { type: "list", value: value.map(typed) };
  if (typeof value === "object" && value.constructor?.name?.match(/^(Date|LocalDateTime|DateTime)$/))
    return { type: value.constructor.name, value: value.toString() };
  return { type: typeof value, value };
}

const driver = neo4j.driver(NEO4J_URI, neo4j.auth.basic(NEO4J_USER, NEO4J_PASSWORD));
try {
  const { records } = await driver.executeQuery(query, JSON.parse(params), {
    routing: neo4j.routing.READ,
  });
  const rows = records.map((r) => Object.fromEntries(r.keys.map((k) => [k, typed(r.get(k))])));
  console.log(JSON.stringify(rows));
} finally {
  await driver.close();
}

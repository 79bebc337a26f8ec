package plankg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs an embedded Neo4j Community DBMS with the Bolt connector on 127.0.0.1 and
 * authentication enabled, for local development and CI (see scripts/neo4j-local).
 *
 * <p>Usage: {@code java -cp ... plankg.Neo4jLauncher <home-dir>}. Environment:
 * NEO4J_PORT (default 7687), NEO4J_PASSWORD (default plankg-dev-password, password
 * of user "neo4j"), NEO4J_PAGECACHE_MB (default 512), NEO4J_AUTH_MAX_FAILED_ATTEMPTS
 * (default 0 = no lock-out after failed logins), NEO4J_TX_LOG_RETENTION (default "2 files"),
 * NEO4J_CHECKPOINT_SECONDS (default 60), NEO4J_LAUNCHER_READY_FILE
 * (optional; written once the server accepts a Bolt login, removed on shutdown).
 */
public final class Neo4jLauncher {

    private static final String USER = "neo4j";

    private Neo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Neo4jLauncher <home-dir>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
        String password = env("NEO4J_PASSWORD", "plankg-dev-password");
        long pageCacheMb = Long.parseLong(env("NEO4J_PAGECACHE_MB", "512"));
        // Neo4j's default (3) locks the user for 5 s after 3 bad logins, which makes
        // test suites that check wrong passwords flaky; 0 disables the lock.
        // Neo4j keeps two days of transaction logs by default: gigabytes after a few large
        // pushes on a development server that is never backed up.
        String txLogRetention = env("NEO4J_TX_LOG_RETENTION", "2 files");
        // Logs are pruned only when a checkpoint runs, by default every 15 minutes (or 100,000
        // transactions): a push of the samples x 100 writes ~1.3 GB of log in about 300
        // transactions, so the retention above held ~10 GB between checkpoints. Every minute
        // keeps what is on disk near the retention.
        long checkpointSeconds = Long.parseLong(env("NEO4J_CHECKPOINT_SECONDS", "60"));
        int maxFailedAuth = Integer.parseInt(env("NEO4J_AUTH_MAX_FAILED_ATTEMPTS", "0"));
        String readyFileEnv = System.getenv("NEO4J_LAUNCHER_READY_FILE");
        Path readyFile = readyFileEnv == null || readyFileEnv.isEmpty() ? null : Path.of(readyFileEnv);
        if (readyFile != null) {
            Files.deleteIfExists(readyFile);
        }

        SocketAddress bolt = new SocketAddress("127.0.0.1", port);
        log("starting Neo4j (embedded, Community) home=" + home + " bolt=" + bolt);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, maxFailedAuth)
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, txLogRetention)
                .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofSeconds(checkpointSeconds))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt's two event loop groups each wait a quiet period (5 s) for new tasks
                // when the server stops, after every connection is closed: 10 s of every stop.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // LOAD CSV may neither read the server's files nor fetch from any address:
                // plankg never uses it, and `plankg cypher` refuses it too (docs/security.md).
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(
                        GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean(false);
        Runnable shutdown = () -> {
            if (!shuttingDown.compareAndSet(false, true)) {
                return;
            }
            log("shutting down");
            try {
                if (readyFile != null) {
                    Files.deleteIfExists(readyFile);
                }
            } catch (IOException ignored) {
                // best effort
            }
            try {
                dbms.shutdown();
                log("stopped");
            } catch (RuntimeException e) {
                log("error during shutdown: " + e);
            } finally {
                stopped.countDown();
            }
        };
        Thread hook = new Thread(shutdown, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        try {
            GraphDatabaseService neo4j = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!neo4j.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
                throw new IllegalStateException("database 'neo4j' did not become available");
            }
            // A login first: once the password is set (every start but the first), the
            // system database's ALTER USER, 10 s of a cold start here, is not needed.
            try {
                selfCheck(port, password);
            } catch (RuntimeException notYet) {
                log("no login with the password yet (" + notYet.getClass().getSimpleName() + "): setting it");
                setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
                selfCheck(port, password);
            }
            if (readyFile != null) {
                Files.writeString(readyFile, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            }
            log("READY bolt://" + bolt + " user=" + USER);
        } catch (Throwable t) {
            log("startup failed: " + t);
            t.printStackTrace(System.out);
            System.out.flush();
            // Runs the shutdown hook, which stops the DBMS.
            System.exit(1);
        }

        stopped.await();
    }

    /** Sets the password of user "neo4j" and clears the "change required" flag. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            log("password of user '" + USER + "' set");
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
            if (msg.contains("Old password and new password cannot be the same")) {
                // Already set on a previous start: just make sure no change is required.
                system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD CHANGE NOT REQUIRED");
                log("password of user '" + USER + "' already set");
            } else {
                throw e;
            }
        }
    }

    /** Logs in over Bolt exactly as a client would, and runs a trivial query. */
    private static void selfCheck(int port, String password) {
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.basic(USER, password));
                Session session = driver.session(SessionConfig.forDatabase(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))) {
            driver.verifyConnectivity();
            long one = session.run("RETURN 1 AS one").single().get("one").asLong();
            if (one != 1) {
                throw new IllegalStateException("self-check query returned " + one);
            }
        }
        log("bolt login self-check ok");
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? dflt : v;
    }

    private static void log(String msg) {
        System.out.println(java.time.Instant.now() + " [plankg.Neo4jLauncher] " + msg);
        System.out.flush();
    }
}

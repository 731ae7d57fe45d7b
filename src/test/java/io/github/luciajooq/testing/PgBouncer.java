package io.github.luciajooq.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PgBouncer in {@code pool_mode = transaction} in front of the {@link PostgresServer}: the way Neon's
 * pooled endpoint and most serverless PostgreSQL offerings are reached. Started once per JVM from the
 * {@code pgbouncer} binary (Debian's package, which {@code .ci/run} installs), or absent when there is none.
 */
public final class PgBouncer {

    private static final Path[] BINARIES = {Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer")};
    private static Optional<PgBouncer> shared;

    private final PostgresServer server;
    private final int port;
    private final Path directory;

    private PgBouncer(PostgresServer server, int port, Path directory) {
        this.server = server;
        this.port = port;
        this.directory = directory;
    }

    /** The PgBouncer in front of {@link PostgresServer#shared()}, or empty when no binary is installed. */
    public static synchronized Optional<PgBouncer> shared() {
        if (shared == null) {
            shared = binary().map(binary -> start(binary, PostgresServer.shared()));
        }
        return shared;
    }

    private static Optional<Path> binary() {
        for (Path binary : BINARIES) {
            if (Files.isExecutable(binary)) {
                return Optional.of(binary);
            }
        }
        return Optional.empty();
    }

    private static PgBouncer start(Path binary, PostgresServer server) {
        try {
            Path directory = Files.createTempDirectory("lucia-pgbouncer");
            // PgBouncer will not run as root; it then runs as the postgres user, which must reach its files.
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
            int port = freePort();
            String password = server.password() == null ? "" : server.password();
            Files.writeString(directory.resolve("userlist.txt"),
                    "\"" + server.user() + "\" \"" + password.replace("\"", "\"\"") + "\"\n");
            Files.writeString(directory.resolve("pgbouncer.ini"), String.join("\n",
                    "[databases]",
                    "* = host=" + server.host() + " port=" + server.port(),
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = trust",
                    "auth_file = " + directory.resolve("userlist.txt"),
                    "pool_mode = transaction",
                    "default_pool_size = 2",
                    "max_client_conn = 200",
                    "server_reset_query =",
                    "ignore_startup_parameters = extra_float_digits",
                    "logfile = " + directory.resolve("pgbouncer.log"),
                    "pidfile = " + directory.resolve("pgbouncer.pid"),
                    ""));
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "postgres"));
            }
            command.add(directory.resolve("pgbouncer.ini").toString());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("pgbouncer.out").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            awaitListening(port, process, directory);
            return new PgBouncer(server, port, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("PgBouncer did not start", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port, Process process, Path directory) throws IOException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer exited: " + Files.readString(directory.resolve("pgbouncer.out")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("PgBouncer is not listening on port " + port + " after 20 s");
    }

    /** PgBouncer's port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Where its configuration and log are. */
    public Path directory() {
        return directory;
    }

    /**
     * A non-pooling data source that reaches this database through PgBouncer, with server-side prepared
     * statements off ({@code prepareThreshold=0}), as PgBouncer's transaction mode before 1.21 requires.
     */
    public PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?prepareThreshold=0");
        dataSource.setUser(server.user());
        if (server.password() != null) {
            dataSource.setPassword(server.password());
        }
        return dataSource;
    }
}

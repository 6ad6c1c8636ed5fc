package vn.cnscd.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL server of one test's own, which the test may stop and start while the portal runs on it:
 * the shared server of {@link TestDatabase} serves other tests (and other test runs) at the same time and
 * must never go down. Where Docker runs, a Testcontainers PostgreSQL on a fixed host port (so that it
 * comes back on the same address); otherwise the locally installed PostgreSQL binaries on a temporary
 * data directory and a free port, run as the {@code postgres} user when the tests run as root (initdb
 * refuses root). {@link #close()} removes it, and so does a shutdown hook if the test never gets there.
 */
public abstract sealed class PrivatePostgres implements AutoCloseable {

	private static final Duration READY = Duration.ofSeconds(60);

	private final Thread cleanup = new Thread(this::remove, "private-postgres-cleanup");

	private boolean removed;

	PrivatePostgres() {
		Runtime.getRuntime().addShutdownHook(this.cleanup);
	}

	/** A new, empty server, started. */
	public static PrivatePostgres start() {
		if (!"local".equals(System.getenv("TEST_POSTGRES")) && DockerClientFactory.instance().isDockerAvailable()) {
			return new InDocker();
		}
		return new Local(binaries());
	}

	/** TEST_POSTGRES_BIN, or the newest PostgreSQL that Debian's packages installed. */
	private static Path binaries() {
		String configured = System.getenv("TEST_POSTGRES_BIN");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			return versions.map(version -> version.resolve("bin"))
				.filter(bin -> Files.isExecutable(bin.resolve("initdb")))
				.max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString())))
				.orElseThrow();
		}
		catch (IOException | RuntimeException none) {
			throw new IllegalStateException("No PostgreSQL binaries under /usr/lib/postgresql/<version>/bin (run: bash "
					+ ".ci/setup-postgres), and TEST_POSTGRES_BIN is not set", none);
		}
	}

	public abstract String url();

	public abstract String user();

	public abstract String password();

	/** Shuts the server down, ending every connection; it stays down until {@link #resume()}. */
	public abstract void stop();

	/** Starts the stopped server again and returns once it accepts connections. */
	public void resume() {
		startServer();
		awaitReady();
	}

	/** Stops and starts the server, as an administrator's restart does. */
	public void restart() {
		stop();
		resume();
	}

	abstract void startServer();

	abstract void remove();

	@Override
	public synchronized void close() {
		if (this.removed) {
			return;
		}
		this.removed = true;
		try {
			remove();
		}
		finally {
			Runtime.getRuntime().removeShutdownHook(this.cleanup);
		}
	}

	void awaitReady() {
		long deadline = System.nanoTime() + READY.toNanos();
		while (true) {
			try (Connection connection = DriverManager.getConnection(url(), user(), password())) {
				if (connection.isValid(5)) {
					return;
				}
			}
			catch (SQLException notYet) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The private PostgreSQL did not come up at " + url(), notYet);
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(interrupted);
			}
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	/** The PostgreSQL 15 installed on this machine, in a temporary directory. */
	static final class Local extends PrivatePostgres {

		private final Path bin;

		private final Path directory;

		private final Path data;

		private final int port;

		Local(Path bin) {
			this.bin = bin;
			this.port = freePort();
			try {
				this.directory = Files.createTempDirectory("cnscd-postgres-");
				this.data = this.directory.resolve("data");
				if (asRoot()) {
					UserPrincipal postgres = this.directory.getFileSystem()
						.getUserPrincipalLookupService()
						.lookupPrincipalByName("postgres");
					Files.setOwner(this.directory, postgres);
				}
			}
			catch (IOException failure) {
				throw new UncheckedIOException(failure);
			}
			try {
				run(tool("initdb"), "-D", this.data.toString(), "-U", "portal", "-A", "trust", "-E", "UTF8",
						"--locale=C.UTF-8", "--no-sync");
				startServer();
				awaitReady();
			}
			catch (RuntimeException failure) {
				close();
				throw failure;
			}
		}

		@Override
		public String url() {
			return "jdbc:postgresql://localhost:" + this.port + "/postgres";
		}

		@Override
		public String user() {
			return "portal";
		}

		@Override
		public String password() {
			return "";
		}

		@Override
		public void stop() {
			run(tool("pg_ctl"), "-D", this.data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
		}

		@Override
		void startServer() {
			run(tool("pg_ctl"), "-D", this.data.toString(), "-l", this.directory.resolve("server.log").toString(), "-w",
					"-t", "60", "-o", "-p " + this.port + " -k " + this.directory + " -c listen_addresses=localhost",
					"start");
		}

		@Override
		void remove() {
			if (this.directory == null) {
				return;
			}
			if (Files.exists(this.data.resolve("postmaster.pid"))) {
				run(tool("pg_ctl"), "-D", this.data.toString(), "-m", "immediate", "-w", "stop");
			}
			try (Stream<Path> files = Files.walk(this.directory)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
			catch (IOException failure) {
				throw new UncheckedIOException(failure);
			}
		}

		private String tool(String name) {
			return this.bin.resolve(name).toString();
		}

		private static boolean asRoot() {
			return "root".equals(System.getProperty("user.name"));
		}

		private void run(String... command) {
			List<String> line = new ArrayList<>();
			if (asRoot()) {
				line.addAll(List.of("runuser", "-u", "postgres", "--"));
			}
			line.addAll(List.of(command));
			try {
				Path output = Files.createTempFile("cnscd-postgres-", ".out");
				try {
					Process process = new ProcessBuilder(line).redirectErrorStream(true)
						.redirectOutput(output.toFile())
						.start();
					if (!process.waitFor(90, TimeUnit.SECONDS)) {
						process.destroyForcibly();
						throw new IllegalStateException("Timed out: " + String.join(" ", line));
					}
					if (process.exitValue() != 0) {
						throw new IllegalStateException(String.join(" ", line) + " failed:\n" + Files.readString(output));
					}
				}
				finally {
					Files.deleteIfExists(output);
				}
			}
			catch (IOException failure) {
				throw new UncheckedIOException(failure);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(interrupted);
			}
		}

	}

	/**
	 * A container; stopped and started through the Docker client, bound to the same host port each time
	 * (Testcontainers' own stop would remove it).
	 */
	static final class InDocker extends PrivatePostgres {

		private final PostgreSQLContainer container;

		private final int port = freePort();

		@SuppressWarnings("resource")
		InDocker() {
			this.container = new PostgreSQLContainer("postgres:15-alpine")
				.withCreateContainerCmdModifier(command -> command.getHostConfig()
					.withPortBindings(new PortBinding(Ports.Binding.bindPort(this.port),
							new ExposedPort(PostgreSQLContainer.POSTGRESQL_PORT))));
			this.container.start();
		}

		@Override
		public String url() {
			return "jdbc:postgresql://" + this.container.getHost() + ":" + this.port + "/"
					+ this.container.getDatabaseName();
		}

		@Override
		public String user() {
			return this.container.getUsername();
		}

		@Override
		public String password() {
			return this.container.getPassword();
		}

		@Override
		public void stop() {
			docker().stopContainerCmd(this.container.getContainerId()).withTimeout(30).exec();
		}

		@Override
		void startServer() {
			docker().startContainerCmd(this.container.getContainerId()).exec();
		}

		@Override
		void remove() {
			this.container.stop();
		}

		private static DockerClient docker() {
			return DockerClientFactory.instance().client();
		}

	}

}

package vn.cnscd.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import vn.cnscd.portal.HttpUser;

/**
 * Downloads quarterly summaries over HTTP as a signed-in user (MockMvc would hold the body in memory) to a
 * file, reads it back entry by entry to show it arrived whole, and prints its size, time and the live heap
 * while it was made.
 */
final class SummaryDownload {

	private final HttpUser user;

	private SummaryDownload(HttpUser user) {
		this.user = user;
	}

	static SummaryDownload signIn(int port, String username, String password) {
		HttpUser user = new HttpUser(port);
		user.signIn(username, password);
		return new SummaryDownload(user);
	}

	void xlsx(String path, String name) throws Exception {
		LiveHeap heap = new LiveHeap();
		long t0 = System.nanoTime();
		Path file = Files.createTempFile("summary", ".xlsx");
		HttpResponse<Path> response;
		try {
			response = user.download(path, file);
		}
		finally {
			heap.close();
		}
		long bytes = Files.size(file);
		assertThat(response.statusCode()).as(name).isEqualTo(200);
		int entries;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			entries = zip.size();
			// read every entry through, so that a cut-off file fails here
			for (ZipEntry entry : Collections.list(zip.entries())) {
				try (InputStream in = zip.getInputStream(entry)) {
					in.transferTo(OutputStream.nullOutputStream());
				}
			}
		}
		finally {
			Files.delete(file);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		System.out.printf("%s: HTTP %d, %,d bytes (%d zip entries) in %.1f s; live heap at most %d MB (%d samples)"
				+ " of %d MB%n", name, response.statusCode(), bytes, entries, seconds, heap.largest() / (1024 * 1024),
				heap.samples(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
		assertThat(entries).as(name + " is a whole XLSX").isGreaterThan(3);
	}

}

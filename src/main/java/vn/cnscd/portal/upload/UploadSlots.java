package vn.cnscd.portal.upload;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets an upload be read only while few others are: one at a time per user and kind (a second roster import
 * by the same chair waits for the first to end), and at most {@code portal.uploads.at-once} across the
 * portal. Reading a file is the one thing a user can make the server do for seconds, with memory to match;
 * an upload that finds no free slot is refused at once with a page that asks to try again in a moment, never
 * queued behind the others. The slots are those of one instance: under the cluster profile each has its own.
 */
@Component
public class UploadSlots {

	private final Semaphore portal;

	private final int atOnce;

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	UploadSlots(@Value("${portal.uploads.at-once}") int atOnce) {
		this.atOnce = atOnce;
		this.portal = new Semaphore(atOnce);
	}

	/**
	 * A slot for the user's upload of this kind, to be closed when the upload has been read and stored;
	 * refused with {@link UploadsBusyException}, which shows the busy page with a link to {@code back}.
	 */
	public Slot take(String kind, long userId, String back) {
		String key = kind + ":" + userId;
		if (!running.add(key)) {
			throw new UploadsBusyException(true, back);
		}
		if (!portal.tryAcquire()) {
			running.remove(key);
			throw new UploadsBusyException(false, back);
		}
		return new Slot(key);
	}

	/** How many uploads the portal reads at once. */
	public int atOnce() {
		return atOnce;
	}

	/** A slot taken; closing it twice frees it once. */
	public final class Slot implements AutoCloseable {

		private final String key;

		private boolean open = true;

		private Slot(String key) {
			this.key = key;
		}

		@Override
		public synchronized void close() {
			if (open) {
				open = false;
				running.remove(key);
				portal.release();
			}
		}

	}

}

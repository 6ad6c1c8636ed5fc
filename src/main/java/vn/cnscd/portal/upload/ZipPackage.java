package vn.cnscd.portal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * An uploaded ZIP package (XLSX, DOCX) opened only once it is known to be what it says and to unpack to a
 * bounded size. {@link #open} first reads the sizes every entry declares in the package's directory and
 * refuses the package when one of them, their sum or an entry's compression ratio passes the limits; then it
 * unpacks every entry without keeping anything, counting the bytes, and refuses the package when any entry
 * holds more (or less) than it declared. Only then may the caller read an entry, which holds what was counted.
 * A zip bomb is so refused after at most the limits' worth of unpacking, none of it into memory.
 */
public final class ZipPackage implements AutoCloseable {

	/**
	 * What a package may unpack to. The ratio is checked only for entries larger than {@code ratioFrom}
	 * bytes: small parts of real documents (a style sheet of repeated tags) pack very well too.
	 */
	public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio, long ratioFrom) {
	}

	private static final int END_OF_DIRECTORY = 0x06054b50;

	private static final int END_OF_DIRECTORY_LENGTH = 22;

	private final ZipFile zip;

	/** The entries by their name in lower case: names in a package are compared ignoring case. */
	private final Map<String, ZipArchiveEntry> entries;

	private ZipPackage(ZipFile zip, Map<String, ZipArchiveEntry> entries) {
		this.zip = zip;
		this.entries = entries;
	}

	/** The package in {@code content}, checked against the limits. */
	public static ZipPackage open(byte[] content, Limits limits) throws RefusedZipException {
		checkDeclaredCount(content, limits);
		ZipFile zip;
		try {
			zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get();
		}
		catch (IOException | RuntimeException notAZip) {
			throw new RefusedZipException(RefusedZipException.Reason.DAMAGED, String.valueOf(notAZip.getMessage()));
		}
		try {
			Map<String, ZipArchiveEntry> entries = declared(zip, limits);
			for (ZipArchiveEntry entry : entries.values()) {
				checkActualSize(zip, entry);
			}
			return new ZipPackage(zip, Collections.unmodifiableMap(entries));
		}
		catch (RefusedZipException refused) {
			ZipFile.closeQuietly(zip);
			throw refused;
		}
	}

	/** The entries' names, as the package spells them, in the order of its directory. */
	public List<String> names() {
		return entries.values().stream().map(ZipArchiveEntry::getName).toList();
	}

	/** Whether the package has the entry, its name compared ignoring case. */
	public boolean has(String name) {
		return entries.containsKey(key(name));
	}

	/** The unpacked size of an entry, as checked. */
	public Optional<Long> size(String name) {
		return Optional.ofNullable(entries.get(key(name))).map(ZipArchiveEntry::getSize);
	}

	/** The content of an entry, unpacked as it is read. */
	public Optional<InputStream> read(String name) {
		ZipArchiveEntry entry = entries.get(key(name));
		if (entry == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(zip.getInputStream(entry));
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
	}

	@Override
	public void close() {
		ZipFile.closeQuietly(zip);
	}

	/**
	 * The entry count of the end-of-directory record, before the directory itself is read: a package of
	 * millions of empty entries would fill the memory with their descriptions alone.
	 */
	private static void checkDeclaredCount(byte[] content, Limits limits) throws RefusedZipException {
		ByteBuffer bytes = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
		// the record ends the file, followed only by a comment of at most 65,535 bytes
		int lowest = Math.max(0, content.length - END_OF_DIRECTORY_LENGTH - 0xFFFF);
		for (int at = content.length - END_OF_DIRECTORY_LENGTH; at >= lowest; at--) {
			if (bytes.getInt(at) == END_OF_DIRECTORY) {
				int count = Short.toUnsignedInt(bytes.getShort(at + 10));
				if (count > limits.maxEntries()) {
					throw new RefusedZipException(RefusedZipException.Reason.TOO_MANY_ENTRIES, count + " entries");
				}
				return;
			}
		}
		throw new RefusedZipException(RefusedZipException.Reason.DAMAGED, "no end of central directory");
	}

	private static Map<String, ZipArchiveEntry> declared(ZipFile zip, Limits limits) throws RefusedZipException {
		Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
		long total = 0;
		for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
			if (entries.size() == limits.maxEntries()) {
				throw new RefusedZipException(RefusedZipException.Reason.TOO_MANY_ENTRIES, "over " + limits.maxEntries());
			}
			long size = entry.getSize();
			long packed = entry.getCompressedSize();
			int method = entry.getMethod();
			if (size < 0 || packed < 0 || (method != ZipMethod.STORED.getCode() && method != ZipMethod.DEFLATED.getCode())
					|| entries.putIfAbsent(key(entry.getName()), entry) != null) {
				throw new RefusedZipException(RefusedZipException.Reason.DAMAGED, entry.getName());
			}
			if (size > limits.maxEntryBytes()) {
				throw new RefusedZipException(RefusedZipException.Reason.TOO_LARGE, entry.getName() + ": " + size);
			}
			total += size;
			if (total > limits.maxTotalBytes()) {
				throw new RefusedZipException(RefusedZipException.Reason.TOO_LARGE, "in all over " + limits.maxTotalBytes());
			}
			if (size > limits.ratioFrom() && size > Math.max(packed, 1) * limits.maxRatio()) {
				throw new RefusedZipException(RefusedZipException.Reason.RATIO, entry.getName() + ": " + size + "/" + packed);
			}
		}
		return entries;
	}

	/** Unpacks the entry into nothing, counting: it must hold exactly what it declared, which was checked. */
	private static void checkActualSize(ZipFile zip, ZipArchiveEntry entry) throws RefusedZipException {
		byte[] buffer = new byte[64 * 1024];
		long declared = entry.getSize();
		long actual = 0;
		try (InputStream in = zip.getInputStream(entry)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				actual += read;
				if (actual > declared) {
					throw new RefusedZipException(RefusedZipException.Reason.TOO_LARGE,
							entry.getName() + " unpacks to more than its declared " + declared);
				}
			}
		}
		catch (IOException | RuntimeException damaged) {
			throw new RefusedZipException(RefusedZipException.Reason.DAMAGED, entry.getName() + ": " + damaged.getMessage());
		}
		if (actual != declared) {
			throw new RefusedZipException(RefusedZipException.Reason.DAMAGED, entry.getName() + " is shorter than declared");
		}
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}

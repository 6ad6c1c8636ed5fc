package vn.cnscd.portal.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * ZIP packages made the way an attacker makes them: a real document with one part replaced by megabytes of
 * nothing that pack to almost nothing, and the same with a directory that lies about that part's size.
 */
public final class ZipBombs {

	private static final int CENTRAL_HEADER = 0x02014b50;

	private ZipBombs() {
	}

	/**
	 * A copy of the package whose {@code part} is a valid XML document of that name's root padded with
	 * {@code megabytes} of spaces, packed as tightly as DEFLATE can (about a thousandth).
	 */
	public static byte[] padded(byte[] zip, String part, String root, int megabytes) {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			out.setLevel(Deflater.BEST_COMPRESSION);
			boolean replaced = false;
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(part)) {
					writePadded(out, root, megabytes);
					replaced = true;
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			if (!replaced) {
				out.putNextEntry(new ZipEntry(part));
				writePadded(out, root, megabytes);
				out.closeEntry();
			}
			out.finish();
			return bytes.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

	/** The package with the directory's record of {@code part} saying it unpacks to {@code size} bytes. */
	public static byte[] lyingAbout(byte[] zip, String part, int size) {
		byte[] copy = Arrays.copyOf(zip, zip.length);
		ByteBuffer bytes = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
		byte[] name = part.getBytes(StandardCharsets.UTF_8);
		for (int at = 0; at + 46 < copy.length; at++) {
			if (bytes.getInt(at) == CENTRAL_HEADER && Short.toUnsignedInt(bytes.getShort(at + 28)) == name.length
					&& Arrays.equals(copy, at + 46, at + 46 + name.length, name, 0, name.length)) {
				bytes.putInt(at + 24, size);
				return copy;
			}
		}
		throw new IllegalArgumentException("No part " + part);
	}

	private static void writePadded(ZipOutputStream out, String root, int megabytes) throws IOException {
		out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + root
				+ " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">").getBytes(StandardCharsets.UTF_8));
		byte[] spaces = new byte[1024 * 1024];
		Arrays.fill(spaces, (byte) ' ');
		for (int i = 0; i < megabytes; i++) {
			out.write(spaces);
		}
		out.write(("</" + root + ">").getBytes(StandardCharsets.UTF_8));
	}

}

package vn.cnscd.portal.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import vn.cnscd.portal.upload.RefusedZipException.Reason;

class ZipPackageTests {

	static final ZipPackage.Limits LIMITS = new ZipPackage.Limits(10, 32L * 1024 * 1024, 64L * 1024 * 1024, 100,
			1024 * 1024);

	static byte[] zip(String... namesAndContents) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (int i = 0; i < namesAndContents.length; i += 2) {
				out.putNextEntry(new ZipEntry(namesAndContents[i]));
				out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	static Reason refusal(byte[] content) {
		try (ZipPackage opened = ZipPackage.open(content, LIMITS)) {
			throw new AssertionError("opened " + opened.names());
		}
		catch (RefusedZipException refused) {
			return refused.reason();
		}
	}

	@Test
	void aPackageWithinTheLimitsIsOpenedAndItsEntriesRead() throws Exception {
		try (ZipPackage opened = ZipPackage.open(zip("a.xml", "<a/>", "b/c.xml", "<c>x</c>"), LIMITS)) {
			assertThat(opened.names()).containsExactly("a.xml", "b/c.xml");
			assertThat(opened.has("B/C.XML")).isTrue();
			assertThat(opened.size("a.xml")).contains(4L);
			try (InputStream in = opened.read("b/c.xml").orElseThrow()) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<c>x</c>");
			}
			assertThat(opened.read("d.xml")).isEmpty();
		}
	}

	@Test
	void aPartDeclaredLargerThanTheLimitIsRefusedBeforeItIsUnpacked() throws Exception {
		byte[] bomb = ZipBombs.padded(zip("a.xml", "<a/>"), "b.xml", "b", 200);
		assertThat(bomb.length).isLessThan(300 * 1024);
		assertThat(refusal(bomb)).isEqualTo(Reason.TOO_LARGE);
	}

	@Test
	void aPartThatUnpacksToMoreThanItsDirectorySaysIsRefusedAsSoonAsItPassesWhatItSaid() throws Exception {
		byte[] bomb = ZipBombs.lyingAbout(ZipBombs.padded(zip("a.xml", "<a/>"), "b.xml", "b", 200), "b.xml", 1000);
		assertThat(refusal(bomb)).isEqualTo(Reason.TOO_LARGE);
	}

	@Test
	void aPartThatPacksFarTighterThanADocumentIsRefusedWithinTheSizeLimits() throws Exception {
		assertThat(refusal(ZipBombs.padded(zip("a.xml", "<a/>"), "b.xml", "b", 20))).isEqualTo(Reason.RATIO);
	}

	@Test
	void partsThatTogetherUnpackToMoreThanTheLimitAreRefused() throws Exception {
		byte[] packed = zip("a.xml", "<a/>");
		for (String part : new String[] { "b.xml", "c.xml", "d.xml" }) {
			packed = ZipBombs.padded(packed, part, "b", 30);
		}
		ZipPackage.Limits generous = new ZipPackage.Limits(10, 32L * 1024 * 1024, 64L * 1024 * 1024, 10_000, 1024 * 1024);
		try (ZipPackage opened = ZipPackage.open(packed, generous)) {
			throw new AssertionError("opened " + opened.names());
		}
		catch (RefusedZipException refused) {
			assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
		}
	}

	@Test
	void tooManyEntriesAreRefusedFromTheEndOfTheDirectory() throws Exception {
		String[] many = new String[2 * 11];
		for (int i = 0; i < 11; i++) {
			many[2 * i] = "e" + i;
			many[2 * i + 1] = "";
		}
		assertThat(refusal(zip(many))).isEqualTo(Reason.TOO_MANY_ENTRIES);
	}

	@Test
	void whatIsNoZipOrADamagedOneIsRefusedAsDamaged() throws Exception {
		assertThat(refusal("PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(Reason.DAMAGED);
		assertThat(refusal(new byte[0])).isEqualTo(Reason.DAMAGED);
		byte[] good = zip("a.xml", "<a>" + "x".repeat(5000) + "</a>");
		byte[] cut = Arrays.copyOf(good, good.length);
		// the packed bytes of the entry overwritten: it no longer unpacks to what it declared
		for (int i = 40; i < 80; i++) {
			cut[i] = 0;
		}
		assertThat(refusal(cut)).isEqualTo(Reason.DAMAGED);
		assertThatThrownBy(() -> ZipPackage.open(zip("a", "1", "A", "2"), LIMITS)).isInstanceOf(RefusedZipException.class)
			.extracting(refused -> ((RefusedZipException) refused).reason())
			.isEqualTo(Reason.DAMAGED);
	}

}

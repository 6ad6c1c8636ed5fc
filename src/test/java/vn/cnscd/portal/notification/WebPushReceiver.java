package vn.cnscd.portal.notification;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser's side of Web Push, written from the RFCs and independent of the portal's library: the keys a
 * subscription hands to the server (P-256 and a 16-byte auth secret), the decryption of an aes128gcm payload
 * (RFC 8188 record, keys derived as RFC 8291 says) and the check of the VAPID JWT's ES256 signature (RFC 8292).
 */
final class WebPushReceiver {

	private final KeyPair keys;

	private final byte[] auth = new byte[16];

	WebPushReceiver() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		keys = generator.generateKeyPair();
		new SecureRandom().nextBytes(auth);
	}

	static KeyPair vapidKeys() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	String p256dh() {
		return base64url(uncompressed((ECPublicKey) keys.getPublic()));
	}

	String auth() {
		return base64url(auth);
	}

	/** The plaintext of an aes128gcm body of one record. */
	String decrypt(byte[] body) throws GeneralSecurityException {
		ByteBuffer header = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		header.get(salt);
		int recordSize = header.getInt();
		int idLength = header.get() & 0xff;
		byte[] senderKey = new byte[idLength];
		header.get(senderKey);
		byte[] ciphertext = Arrays.copyOfRange(body, header.position(), body.length);
		if (ciphertext.length > recordSize) {
			throw new GeneralSecurityException("more than one record");
		}

		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init(keys.getPrivate());
		agreement.doPhase(publicKey(senderKey, (ECPublicKey) keys.getPublic()), true);
		byte[] ecdhSecret = agreement.generateSecret();

		byte[] uaPublic = uncompressed((ECPublicKey) keys.getPublic());
		byte[] keyInfo = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] { 0 }, uaPublic,
				senderKey);
		byte[] ikm = hkdf(auth, ecdhSecret, keyInfo, 32);
		byte[] cek = hkdf(salt, ikm, concat("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII),
				new byte[] { 0 }), 16);
		byte[] nonce = hkdf(salt, ikm, concat("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII),
				new byte[] { 0 }), 12);

		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = cipher.doFinal(ciphertext);
		int end = padded.length - 1;
		while (end >= 0 && padded[end] == 0) {
			end--;
		}
		if (end < 0 || padded[end] != 2) {
			throw new GeneralSecurityException("no last-record delimiter");
		}
		return new String(padded, 0, end, StandardCharsets.UTF_8);
	}

	/** Whether an ES256 JWT is signed by the key, given as its uncompressed point in base64url. */
	static boolean signedBy(String jwt, String publicKey) throws GeneralSecurityException {
		String[] parts = jwt.split("\\.");
		Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
		ECPublicKey reference = (ECPublicKey) vapidKeys().getPublic();
		signature.initVerify(publicKey(Base64.getUrlDecoder().decode(publicKey), reference));
		signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
	}

	static String claims(String jwt) {
		return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
	}

	static byte[] uncompressed(ECPublicKey key) {
		byte[] point = new byte[65];
		point[0] = 4;
		System.arraycopy(unsigned(key.getW().getAffineX()), 0, point, 1, 32);
		System.arraycopy(unsigned(key.getW().getAffineY()), 0, point, 33, 32);
		return point;
	}

	static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static ECPublicKey publicKey(byte[] point, ECPublicKey onTheCurveOf) throws GeneralSecurityException {
		ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC")
			.generatePublic(new ECPublicKeySpec(w, onTheCurveOf.getParams()));
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return fixed;
	}

	/** HKDF-SHA-256 (RFC 5869), for outputs of at most one block. */
	private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(salt, "HmacSHA256"));
		byte[] prk = mac.doFinal(ikm);
		mac.init(new SecretKeySpec(prk, "HmacSHA256"));
		return Arrays.copyOf(mac.doFinal(concat(info, new byte[] { 1 })), length);
	}

	private static byte[] concat(byte[]... parts) {
		int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
		ByteBuffer joined = ByteBuffer.allocate(length);
		Arrays.stream(parts).forEach(joined::put);
		return joined.array();
	}

}

package vn.cnscd.portal.account;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key a client address is throttled by. An IPv4 address is its own key; an IPv6 address counts by its /64
 * network, since one subscriber is given a whole /64 and could otherwise change address at every attempt. The
 * address is the connection's, or, behind the reverse proxy named by {@code portal.trusted-proxy} under the
 * {@code prod} profile, the one the proxy forwards (Tomcat's RemoteIpValve sets it before the portal sees it).
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String key(String address) {
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		if (!address.contains(":")) {
			return address;
		}
		try {
			// a literal address: parsed, never looked up
			byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]").getAddress();
			if (bytes.length != 16) {
				return address;
			}
			StringBuilder network = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return network.append(":/64").toString();
		}
		catch (UnknownHostException notAnAddress) {
			return address;
		}
	}

}

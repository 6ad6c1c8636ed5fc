package vn.cnscd.portal.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import vn.cnscd.portal.area.Role;

/**
 * The principal kept in the session. It holds who signed in, not what they may do: their role, area and
 * whether they are still enabled are read from the database on every request ({@link CurrentActorFilter}).
 */
public final class PortalUser implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String fullName;

	private final Role role;

	private final boolean enabled;

	private String passwordHash;

	PortalUser(long id, String username, String fullName, Role role, String passwordHash, boolean enabled) {
		this.id = id;
		this.username = username;
		this.fullName = fullName;
		this.role = role;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	public long getId() {
		return id;
	}

	public String getFullName() {
		return fullName;
	}

	public Role getRole() {
		return role;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

}

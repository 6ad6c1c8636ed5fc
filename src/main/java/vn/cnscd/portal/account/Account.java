package vn.cnscd.portal.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.cnscd.portal.area.Role;

@Entity
@Table(name = "app_user")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String passwordHash;

	private String fullName;

	private String phone;

	@Enumerated(EnumType.STRING)
	private Role role;

	private long homeUnitId;

	private boolean enabled = true;

	private boolean mustChangePassword = true;

	private int failedAttempts;

	private Instant lockedUntil;

	private Long createdById;

	private Instant createdAt;

	@Version
	private long version;

	protected Account() {
	}

	Account(String username, String passwordHash, String fullName, String phone, Role role, long homeUnitId,
			Long createdById, Instant createdAt) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.fullName = fullName;
		this.phone = phone;
		this.role = role;
		this.homeUnitId = homeUnitId;
		this.createdById = createdById;
		this.createdAt = createdAt;
	}

	void resetPassword(String temporaryHash) {
		this.passwordHash = temporaryHash;
		this.mustChangePassword = true;
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	void changePassword(String hash) {
		this.passwordHash = hash;
		this.mustChangePassword = false;
	}

	void keepPassword() {
		this.mustChangePassword = false;
	}

	/** Counts a failed sign-in; at {@code maxAttempts} in a row the account locks until {@code until}. */
	void failSignIn(int maxAttempts, Instant until) {
		failedAttempts++;
		if (failedAttempts >= maxAttempts) {
			lockedUntil = until;
			failedAttempts = 0;
		}
	}

	void succeedSignIn() {
		failedAttempts = 0;
		lockedUntil = null;
	}

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	String getFullName() {
		return fullName;
	}

	String getPhone() {
		return phone;
	}

	Role getRole() {
		return role;
	}

	long getHomeUnitId() {
		return homeUnitId;
	}

	boolean isEnabled() {
		return enabled;
	}

	boolean isMustChangePassword() {
		return mustChangePassword;
	}

	Instant getLockedUntil() {
		return lockedUntil;
	}

	Long getCreatedById() {
		return createdById;
	}

	long getVersion() {
		return version;
	}

}

package vn.cnscd.portal.account;

import java.time.Instant;
import java.time.LocalDate;

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

	private int sessionGeneration;

	private Long createdById;

	private Instant createdAt;

	/** The home a reorganisation took the account from, and the day it did (null if none ever did). */
	private Long rehomedFrom;

	private LocalDate rehomedOn;

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
	}

	void changePassword(String hash) {
		this.passwordHash = hash;
		this.mustChangePassword = false;
	}

	void keepPassword() {
		this.mustChangePassword = false;
	}

	/** Ends every session signed in until now; returns the generation the sessions signed in from now on have. */
	int endSessions() {
		return ++sessionGeneration;
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

	int getSessionGeneration() {
		return sessionGeneration;
	}

	Long getRehomedFrom() {
		return rehomedFrom;
	}

	LocalDate getRehomedOn() {
		return rehomedOn;
	}

	Long getCreatedById() {
		return createdById;
	}

	long getVersion() {
		return version;
	}

}

package vn.cnscd.portal.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.cnscd.portal.area.Role;

class AccountForm {

	@NotBlank
	@Size(min = 3, max = 50)
	@Pattern(regexp = "[A-Za-z0-9._-]*")
	private String username;

	@NotBlank
	@Size(max = 100)
	private String fullName;

	@Size(max = 20)
	private String phone;

	@NotNull
	private Role role;

	@NotNull
	private Long homeUnitId;

	/** The commune whose villages the form lists, in its first step; only narrows the choice. */
	private Long communeId;

	/** A name or code typed to find the home unit; only narrows the choice, never stored. */
	@Size(max = 100)
	private String unitSearch;

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getFullName() {
		return fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public Long getHomeUnitId() {
		return homeUnitId;
	}

	public void setHomeUnitId(Long homeUnitId) {
		this.homeUnitId = homeUnitId;
	}

	public Long getCommuneId() {
		return communeId;
	}

	public void setCommuneId(Long communeId) {
		this.communeId = communeId;
	}

	public String getUnitSearch() {
		return unitSearch;
	}

	public void setUnitSearch(String unitSearch) {
		this.unitSearch = unitSearch;
	}

}

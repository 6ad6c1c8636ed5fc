package vn.cnscd.portal.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class PasswordForm {

	/** Long enough for any password that can be right: BCrypt reads 72 bytes, and {@link PasswordRules} say so. */
	static final int MAX_TYPED = 200;

	@NotBlank
	@Size(max = MAX_TYPED)
	private String currentPassword;

	@NotBlank
	@Size(max = MAX_TYPED)
	private String newPassword;

	@Size(max = MAX_TYPED)
	private String confirmPassword;

	public String getCurrentPassword() {
		return currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmPassword() {
		return confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

}

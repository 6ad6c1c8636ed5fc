package vn.cnscd.portal.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class PasswordForm {

	@NotBlank
	private String currentPassword;

	@NotBlank
	@Size(min = 8, max = 72)
	private String newPassword;

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

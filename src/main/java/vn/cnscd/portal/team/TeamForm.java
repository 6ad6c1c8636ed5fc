package vn.cnscd.portal.team;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.cnscd.portal.area.HiddenField;

class TeamForm {

	@NotBlank
	@Size(max = 200)
	private String name;

	@Size(max = 50)
	private String decisionNumber;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate decisionDate;

	@Size(max = 100)
	private String decisionSigner;

	private ChatPlatform chatPlatform;

	@Size(max = 200)
	private String chatName;

	@Size(max = 500)
	@Pattern(regexp = "(https://\\S+)?")
	private String chatLink;

	@HiddenField
	private long version;

	static TeamForm of(TeamDetails details, long version) {
		TeamForm form = new TeamForm();
		form.name = details.name();
		form.decisionNumber = details.decisionNumber();
		form.decisionDate = details.decisionDate();
		form.decisionSigner = details.decisionSigner();
		form.chatPlatform = details.chatPlatform();
		form.chatName = details.chatName();
		form.chatLink = details.chatLink();
		form.version = version;
		return form;
	}

	TeamDetails details() {
		return new TeamDetails(name, decisionNumber, decisionDate, decisionSigner, chatPlatform, chatName, chatLink);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDecisionNumber() {
		return decisionNumber;
	}

	public void setDecisionNumber(String decisionNumber) {
		this.decisionNumber = decisionNumber;
	}

	public LocalDate getDecisionDate() {
		return decisionDate;
	}

	public void setDecisionDate(LocalDate decisionDate) {
		this.decisionDate = decisionDate;
	}

	public String getDecisionSigner() {
		return decisionSigner;
	}

	public void setDecisionSigner(String decisionSigner) {
		this.decisionSigner = decisionSigner;
	}

	public ChatPlatform getChatPlatform() {
		return chatPlatform;
	}

	public void setChatPlatform(ChatPlatform chatPlatform) {
		this.chatPlatform = chatPlatform;
	}

	public String getChatName() {
		return chatName;
	}

	public void setChatName(String chatName) {
		this.chatName = chatName;
	}

	public String getChatLink() {
		return chatLink;
	}

	public void setChatLink(String chatLink) {
		this.chatLink = chatLink;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}

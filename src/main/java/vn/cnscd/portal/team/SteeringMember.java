package vn.cnscd.portal.team;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member of a district steering committee and the communes in their charge. A member who leaves is
 * kept, with the date, and is in charge of nothing from then on.
 */
@Entity
@Table(name = "steering_member")
class SteeringMember {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long districtId;

	private String fullName;

	private String position;

	private String agency;

	private String phone;

	private Long accountId;

	private LocalDate leftOn;

	@ElementCollection
	@CollectionTable(name = "steering_member_commune", joinColumns = @JoinColumn(name = "steering_member_id"))
	@Column(name = "commune_id")
	private Set<Long> communeIds = new HashSet<>();

	@Version
	private long version;

	protected SteeringMember() {
	}

	SteeringMember(long districtId, SteeringMemberDraft draft) {
		this.districtId = districtId;
		describe(draft);
	}

	void describe(SteeringMemberDraft draft) {
		this.fullName = draft.fullName().strip();
		this.position = draft.position().strip();
		this.agency = draft.agency().strip();
		this.phone = draft.phone();
		this.accountId = draft.accountId();
		this.communeIds.clear();
		this.communeIds.addAll(draft.communeIds());
	}

	void leave(LocalDate on) {
		this.leftOn = on;
	}

	boolean hasLeft() {
		return leftOn != null;
	}

	Long getId() {
		return id;
	}

	long getDistrictId() {
		return districtId;
	}

	String getFullName() {
		return fullName;
	}

	String getPosition() {
		return position;
	}

	String getAgency() {
		return agency;
	}

	String getPhone() {
		return phone;
	}

	Long getAccountId() {
		return accountId;
	}

	LocalDate getLeftOn() {
		return leftOn;
	}

	Set<Long> getCommuneIds() {
		return Set.copyOf(communeIds);
	}

	long getVersion() {
		return version;
	}

}

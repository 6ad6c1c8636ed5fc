package vn.cnscd.portal.team;

import java.util.List;

/** One page of members, and how many there are on all pages together. */
public record MemberPage(List<MemberEntry> members, long total) {
}

package ma.salonsess.shared.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.ProblemException;
import ma.salonsess.shared.http.Problems;

/**
 * Fair-day routes ({@code /staff/fairs/{fairId}/...}): who may scan badges and who may do more.
 * Gate teams have two roles, as Cognito groups of the organisers' user pool: {@value #STEWARDS}
 * only scan; {@value #SUPERVISORS} also search by name, check someone in by hand and resolve double
 * entries. Each acts only on the fairs whose {@code stewardEmails} / {@code supervisorEmails} hold
 * their verified email; a fair's organisers (and admins) may do everything a supervisor may. Group
 * and list must agree: a member of {@value #SUPERVISORS} listed only among a fair's stewards
 * is a steward there. The decision is the pure function {@link #standing}.
 */
public final class StaffAccess {
    public static final String STEWARDS = "stewards";
    public static final String SUPERVISORS = "supervisors";

    private StaffAccess() {
    }

    /** Who calls a fair-day route: the token's subject, verified email and groups. */
    public record Staff(String subject, Optional<String> verifiedEmail, Set<String> groups) {
        public Staff {
            groups = Set.copyOf(groups);
        }
    }

    /** What a caller is at a fair, from least to most. */
    public enum Standing {
        STEWARD, SUPERVISOR, ORGANISER;

        /** As the scanner kit names it. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean supervises() {
            return this != STEWARD;
        }
    }

    /** What a route needs. */
    public enum Power { SCAN, SUPERVISE }

    /** Why a caller may not (each a 403). */
    public enum Refusal {
        NO_VERIFIED_EMAIL("This token carries no verified email address, so it names no fair's staff."),
        NOT_THIS_FAIRS_STAFF("Your email address is not among this fair's stewards, supervisors or organisers."),
        SUPERVISORS_ONLY("Only this fair's supervisors and organisers may do this; stewards scan.");

        private final String detail;

        Refusal(String detail) {
            this.detail = detail;
        }

        public ProblemException problem(HttpRequest request) {
            return new ProblemException(Problems.forbidden(request, "Not allowed for this fair", detail));
        }
    }

    /** A caller's standing at a fair, or why they have none there; pure. */
    public sealed interface Decision permits Allowed, Refused {
    }

    public record Allowed(Standing standing) implements Decision {
    }

    public record Refused(Refusal refusal) implements Decision {
    }

    /** The caller of a fair-day route, or 401 without a token, 403 for a token of none of the four groups. */
    public static Staff caller(HttpRequest request) {
        Map<String, String> claims = request.claims();
        if (claims.isEmpty() || !claims.containsKey("sub")) {
            throw new ProblemException(Problems.unauthorized(request, "Staff token required",
                    "Send a steward's, supervisor's or organiser's token as 'Authorization: Bearer <token>'."));
        }
        Set<String> groups = Set.copyOf(OrganiserAccess.groups(claims.getOrDefault(OrganiserAccess.GROUPS_CLAIM, "")));
        if (groups.stream().noneMatch(List.of(STEWARDS, SUPERVISORS, OrganiserAccess.GROUP, OrganiserAccess.ADMINS)
                ::contains)) {
            throw new ProblemException(Problems.forbidden(request, "Fair staff only",
                    "This token belongs to none of the groups '" + STEWARDS + "', '" + SUPERVISORS + "', '"
                            + OrganiserAccess.GROUP + "', '" + OrganiserAccess.ADMINS + "'."));
        }
        Optional<String> email = Optional.ofNullable(claims.get("email")).map(String::strip).filter(e -> !e.isEmpty())
                .filter(e -> "true".equalsIgnoreCase(claims.getOrDefault("email_verified", "").strip()));
        return new Staff(claims.get("sub"), email, groups);
    }

    /** What the caller is at this fair, the most they are entitled to. */
    public static Decision standing(Staff staff, Fair fair) {
        if (staff.groups().contains(OrganiserAccess.ADMINS)) {
            return new Allowed(Standing.ORGANISER);
        }
        if (staff.verifiedEmail().isEmpty()) {
            return new Refused(Refusal.NO_VERIFIED_EMAIL);
        }
        String email = normalised(staff.verifiedEmail().get());
        if (staff.groups().contains(OrganiserAccess.GROUP) && normalised(fair.organiserEmails()).contains(email)) {
            return new Allowed(Standing.ORGANISER);
        }
        boolean listedSupervisor = normalised(fair.supervisorEmails()).contains(email);
        if (staff.groups().contains(SUPERVISORS) && listedSupervisor) {
            return new Allowed(Standing.SUPERVISOR);
        }
        boolean listed = listedSupervisor || normalised(fair.stewardEmails()).contains(email);
        if ((staff.groups().contains(STEWARDS) || staff.groups().contains(SUPERVISORS)) && listed) {
            return new Allowed(Standing.STEWARD);
        }
        return new Refused(Refusal.NOT_THIS_FAIRS_STAFF);
    }

    /** Whether the caller may use a route needing {@code power} at this fair; pure. */
    public static Decision may(Staff staff, Fair fair, Power power) {
        Decision decision = standing(staff, fair);
        if (decision instanceof Allowed allowed && power == Power.SUPERVISE && !allowed.standing().supervises()) {
            return new Refused(Refusal.SUPERVISORS_ONLY);
        }
        return decision;
    }

    /** The caller's standing at the fair, or the 403 problem that refuses them. */
    public static Standing require(HttpRequest request, Staff staff, Fair fair, Power power) {
        return switch (may(staff, fair, power)) {
            case Allowed allowed -> allowed.standing();
            case Refused refused -> throw refused.refusal().problem(request);
        };
    }

    private static Set<String> normalised(List<String> emails) {
        return emails.stream().map(StaffAccess::normalised).collect(Collectors.toSet());
    }

    private static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}

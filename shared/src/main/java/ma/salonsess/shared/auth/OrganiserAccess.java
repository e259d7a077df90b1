package ma.salonsess.shared.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.ProblemException;
import ma.salonsess.shared.http.Problems;

/**
 * Organiser routes: API Gateway's JWT authorizer has verified the token (signature, issuer,
 * audience, expiry) before the handler runs; here the handler learns who calls and whether they
 * may act on the fair. Members of {@value #ADMINS} act on every fair, create fairs and name their
 * organisers; members of {@value #GROUP} act only on the fairs whose {@code organiserEmails} hold
 * their verified email address. The decisions are the pure functions {@link #mayActOn},
 * {@link #mayChange} and {@link #mayName}; every {@code /admin} route goes through them.
 */
public final class OrganiserAccess {
    public static final String GROUP = "organisers";
    public static final String ADMINS = "admins";
    public static final String GROUPS_CLAIM = "cognito:groups";

    private OrganiserAccess() {
    }

    /**
     * Who calls an organiser route.
     *
     * @param verifiedEmail the token's email, only when its {@code email_verified} is true
     *                      (anyone may write an unverified address into their profile)
     * @param admin         a member of the {@value #ADMINS} group
     */
    public record Caller(String subject, Optional<String> verifiedEmail, boolean admin) {
    }

    /** Whether a caller may do something, and if not, why (each refusal is a 403). */
    public enum Verdict {
        ALLOWED(null),
        NO_VERIFIED_EMAIL("This token carries no verified email address, so it names no fair's organiser; "
                + "send the ID token of the user pool."),
        NOT_THIS_FAIRS_ORGANISER("Your email address is not among this fair's organiserEmails."),
        ADMINS_CREATE_FAIRS("Only members of the '" + ADMINS + "' group create fairs."),
        ADMINS_NAME_ORGANISERS("Only members of the '" + ADMINS + "' group add or remove a fair's organisers; "
                + "send organiserEmails as they are.");

        private final String detail;

        Verdict(String detail) {
            this.detail = detail;
        }

        public boolean allowed() {
            return this == ALLOWED;
        }

        /** This refusal as a problem answer; nothing has been done when it is thrown. */
        public ProblemException refusal(HttpRequest request) {
            if (allowed()) {
                throw new IllegalStateException("Nothing to refuse");
            }
            return new ProblemException(Problems.forbidden(request, "Not allowed for this fair", detail));
        }
    }

    /**
     * The caller of an organiser route, or a 401/403 problem when the token belongs to neither
     * group. This alone does not let anyone act on a fair: routes of a fair use {@link #requireFair}.
     */
    public static Caller caller(HttpRequest request) {
        Map<String, String> claims = request.claims();
        if (claims.isEmpty() || !claims.containsKey("sub")) {
            throw new ProblemException(Problems.unauthorized(request, "Organiser token required",
                    "Send an organiser's token as 'Authorization: Bearer <token>'."));
        }
        List<String> groups = groups(claims.getOrDefault(GROUPS_CLAIM, ""));
        if (!groups.contains(GROUP) && !groups.contains(ADMINS)) {
            throw new ProblemException(Problems.forbidden(request, "Organisers only",
                    "This token belongs to neither the '" + GROUP + "' nor the '" + ADMINS + "' group."));
        }
        // API Gateway passes the boolean claim as the string "true".
        Optional<String> email = Optional.ofNullable(claims.get("email")).map(String::strip).filter(e -> !e.isEmpty())
                .filter(e -> "true".equalsIgnoreCase(claims.getOrDefault("email_verified", "").strip()));
        return new Caller(claims.get("sub"), email, groups.contains(ADMINS));
    }

    /**
     * The fair named by the route's {@code {fairId}}, when the caller may act on it; otherwise a
     * 401 or 403 problem, or 404 when there is no such fair (fair ids are public: the programme is).
     */
    public static Fair requireFair(HttpRequest request, Function<String, Optional<Fair>> find) {
        Caller caller = caller(request);
        Fair fair = find.apply(request.pathParameter("fairId"))
                .orElseThrow(() -> new ProblemException(Problems.fairNotFound(request)));
        Verdict verdict = mayActOn(caller, fair);
        if (!verdict.allowed()) {
            throw verdict.refusal(request);
        }
        return fair;
    }

    /** Whether the caller may read or act on an existing fair. */
    public static Verdict mayActOn(Caller caller, Fair fair) {
        if (caller.admin()) {
            return Verdict.ALLOWED;
        }
        if (caller.verifiedEmail().isEmpty()) {
            return Verdict.NO_VERIFIED_EMAIL;
        }
        return normalised(fair.organiserEmails()).contains(normalised(caller.verifiedEmail().get()))
                ? Verdict.ALLOWED : Verdict.NOT_THIS_FAIRS_ORGANISER;
    }

    /** Whether the caller may save the fair {@code stored} (empty: create it), before reading what they send. */
    public static Verdict mayChange(Caller caller, Optional<Fair> stored) {
        if (stored.isEmpty()) {
            return caller.admin() ? Verdict.ALLOWED : Verdict.ADMINS_CREATE_FAIRS;
        }
        return mayActOn(caller, stored.get());
    }

    /**
     * Whether the caller may give the stored fair these organisers: admins may; an organiser only
     * keeps the same addresses (in any order or case), so nobody co-opts a stranger or drops a peer.
     */
    public static Verdict mayName(Caller caller, Fair stored, List<String> organiserEmails) {
        if (caller.admin() || normalised(stored.organiserEmails()).equals(normalised(organiserEmails))) {
            return Verdict.ALLOWED;
        }
        return Verdict.ADMINS_NAME_ORGANISERS;
    }

    /** The stored entry of {@code fair.organiserEmails()} that is the caller's address, as stored. */
    public static Optional<String> organiserEntry(Caller caller, Fair fair) {
        return caller.verifiedEmail().flatMap(email -> fair.organiserEmails().stream()
                .filter(e -> normalised(e).equals(normalised(email))).findFirst());
    }

    private static Set<String> normalised(List<String> emails) {
        return emails.stream().map(OrganiserAccess::normalised).collect(Collectors.toSet());
    }

    private static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The groups of a claim as API Gateway passes it: {@code [a b]} (its form for arrays), a JSON
     * array, or a comma-separated list.
     */
    static List<String> groups(String claim) {
        String trimmed = claim.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return Arrays.stream(trimmed.split("[\\s,]+")).map(g -> g.replace("\"", "")).filter(g -> !g.isEmpty()).toList();
    }
}

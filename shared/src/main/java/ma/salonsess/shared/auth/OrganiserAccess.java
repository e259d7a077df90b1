package ma.salonsess.shared.auth;

import java.util.Arrays;
import java.util.Map;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.Problem;
import ma.salonsess.shared.http.ProblemException;

/**
 * Organiser routes: API Gateway's JWT authorizer has verified the token (signature, issuer,
 * audience, expiry) before the handler runs; the handler still checks that the token's
 * {@code cognito:groups} holds {@value #GROUP}, so a valid user outside the group is refused.
 */
public final class OrganiserAccess {
    public static final String GROUP = "organisers";
    public static final String GROUPS_CLAIM = "cognito:groups";

    private OrganiserAccess() {
    }

    /** The organiser's identity (the token's subject), or a 401/403 problem. */
    public static String require(HttpRequest request) {
        Map<String, String> claims = request.claims();
        if (claims.isEmpty() || !claims.containsKey("sub")) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Organiser token required",
                    "Send an organiser's token as 'Authorization: Bearer <token>'.").at(request.path()));
        }
        if (!groups(claims.getOrDefault(GROUPS_CLAIM, "")).contains(GROUP)) {
            throw new ProblemException(Problem.of(403, "forbidden", "Organisers only",
                    "This token does not belong to the '" + GROUP + "' group.").at(request.path()));
        }
        return claims.get("sub");
    }

    /**
     * The groups of a claim as API Gateway passes it: {@code [a b]} (its form for arrays), a JSON
     * array, or a comma-separated list.
     */
    static java.util.List<String> groups(String claim) {
        String trimmed = claim.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return Arrays.stream(trimmed.split("[\\s,]+")).map(g -> g.replace("\"", "")).filter(g -> !g.isEmpty()).toList();
    }
}

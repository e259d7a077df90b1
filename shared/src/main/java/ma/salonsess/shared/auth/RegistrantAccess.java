package ma.salonsess.shared.auth;

import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.ProblemException;
import ma.salonsess.shared.http.Problems;
import ma.salonsess.shared.registration.AccessToken;

/** Registrant routes: the access token given at registration, as a bearer token. */
public final class RegistrantAccess {
    private RegistrantAccess() {
    }

    public static AccessToken requireToken(HttpRequest request) {
        return request.bearerToken().map(AccessToken::new).orElseThrow(() -> new ProblemException(
                Problems.unauthorized(request, "Access token required",
                        "Send the access token you received at registration as 'Authorization: Bearer <token>'.")));
    }
}

package ma.salonsess.shared.http;

/**
 * The problems several routes answer, built in one place so that each reads the same wherever it
 * comes from (clients switch on the type; the texts are in {@code openapi.yaml}'s examples).
 * Each is at the request's path; a route answers it or throws it in a {@link ProblemException}.
 */
public final class Problems {
    private Problems() {
    }

    public static Problem fairNotFound(HttpRequest request) {
        return Problem.of(404, "fair-not-found", "Fair not found", "There is no fair with this id.")
                .at(request.path());
    }

    public static Problem workshopNotFound(HttpRequest request) {
        return Problem.of(404, "workshop-not-found", "Workshop not found", "This fair has no workshop with this id.")
                .at(request.path());
    }

    /** The same whether the registration does not exist or the token is not its own: nothing to learn. */
    public static Problem registrationNotFound(HttpRequest request) {
        return Problem.of(404, "registration-not-found", "Registration not found",
                "No registration with this id for this access token.").at(request.path());
    }

    public static Problem unauthorized(HttpRequest request, String title, String detail) {
        return Problem.of(401, "unauthorized", title, detail).at(request.path());
    }

    public static Problem forbidden(HttpRequest request, String title, String detail) {
        return Problem.of(403, "forbidden", title, detail).at(request.path());
    }
}

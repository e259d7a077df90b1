package ma.salonsess.shared.http;

/** Stops handling a request with a problem answer; nothing has been written when it is thrown. */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

package ma.salonsess.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ma.salonsess.shared.log.Invocation;
import ma.salonsess.shared.validation.Ids;

/**
 * Sends each API Gateway event to the route it matched, once its path ids have the shape
 * {@link Ids} gives them (a 400 naming each that has not), and turns what goes wrong into problem
 * answers: a {@link ProblemException} into its problem, anything unexpected into a 500 that quotes
 * the request id and says nothing of the internals.
 */
public final class Router {
    private final Map<String, Function<HttpRequest, HttpResponse>> routes;

    public Router(Map<String, Function<HttpRequest, HttpResponse>> routes) {
        this.routes = Map.copyOf(routes);
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = ApiGatewayHttp.toRequest(event);
        Invocation invocation = Invocation.start(context, "http " + request.routeKey());
        Throwable failure = null;
        HttpResponse response;
        try {
            var route = routes.get(request.routeKey());
            var badIds = Ids.checkPath(request.pathParameters());
            if (route == null) {
                response = Problem.of(404, "not-found", "Not found", "No such route: " + request.routeKey()).toResponse();
            } else if (!badIds.isEmpty()) {
                // Before the route reads anything. No instance: the path may be kilobytes of the bad id.
                response = Problem.validation(badIds).toResponse();
            } else {
                response = route.apply(request);
            }
        } catch (ProblemException e) {
            response = e.problem().toResponse();
        } catch (RuntimeException e) {
            // The answer quotes API Gateway's request id; the line carries it too, beside Lambda's.
            failure = e;
            response = Problem.of(500, "internal", "Internal error",
                            "Something went wrong on our side; nothing was saved. Try again later.")
                    .at(request.path()).with("requestId", String.valueOf(request.requestId())).toResponse();
        }
        // The fair from the path (checked by Ids, so no personal data); the outcome is the status.
        boolean fairInPath = request.pathParameters().containsKey("fairId")
                && Ids.checkPath(request.pathParameters()).isEmpty();
        List<String> fair = fairInPath ? List.of(request.pathParameters().get("fairId")) : List.of();
        String outcome = Integer.toString(response.status());
        if (failure == null) {
            invocation.ended(fair, outcome);
        } else {
            invocation.failed(fair, outcome + " API request " + request.requestId(), failure);
        }
        return ApiGatewayHttp.toEvent(response);
    }
}

package ma.salonsess.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.testsupport.OpenApiContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path id of every HTTP route of the template, 3,000 characters long (far over DynamoDB's
 * key limits), with the route's sample event otherwise intact: a 4xx problem naming the id, never
 * a 500. The routes come from {@code template.yaml}, so a route added later is covered too.
 */
class PathIdsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final OpenApiContract API = OpenApiContract.load();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final String HUGE = "a".repeat(3000);
    private static LocalBackend backend;

    @BeforeAll
    static void start() {
        Path root = RepositoryLayout.root();
        backend = LocalBackend.start(new LocalBackend.Options(root, root.resolve("template.yaml"), 0,
                EmbeddedAws.Ports.any(), true, root.resolve("target/path-ids-test")));
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    /** Each (route, path parameter) of the template's HTTP routes, with the route's guard. */
    static Stream<Arguments> everyPathIdOfEveryRoute() {
        List<Arguments> cases = new ArrayList<>();
        SamTemplate template = SamTemplate.load(RepositoryLayout.root().resolve("template.yaml"));
        for (var function : template.functions()) {
            for (var route : function.httpRoutes()) {
                Matcher m = PLACEHOLDER.matcher(route.path());
                while (m.find()) {
                    cases.add(Arguments.of(route.routeKey(), m.group(1), route.authorizer() != null));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void theTemplateHasTheRoutesThisTestExpects() {
        assertTrue(everyPathIdOfEveryRoute().count() >= 23, "routes with path ids: " + everyPathIdOfEveryRoute().count());
    }

    @ParameterizedTest(name = "{0}: {1} of 3,000 characters")
    @MethodSource("everyPathIdOfEveryRoute")
    void anOverLongPathIdIsA4xxProblemNamingIt(String routeKey, String parameter, boolean organisersOnly)
            throws Exception {
        JsonNode sample = sample(routeKey);
        String method = routeKey.split(" ", 2)[0];
        Matcher m = PLACEHOLDER.matcher(routeKey.split(" ", 2)[1]);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(path, name.equals(parameter) ? HUGE : sample.path("pathParameters").path(name).asText());
        }
        m.appendTail(path);
        String body = sample.path("body").asText("");
        String token = organisersOnly ? backend.organiserToken() : AccessToken.generate().value();
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend.apiUrl() + path.toString()))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json").header("authorization", "Bearer " + token).build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        String contentType = response.headers().firstValue("content-type").orElse("");
        API.assertMatches(routeKey, APIGatewayV2HTTPResponse.builder().withStatusCode(response.statusCode())
                .withHeaders(Map.of("content-type", contentType)).withBody(response.body()).build());
        assertEquals("application/problem+json", contentType, response.body());
        JsonNode problem = Json.parse(response.body());
        if (parameter.equals("token")) {
            // A survey link's token is a secret: a bad one is answered like one never issued.
            assertEquals(404, response.statusCode(), response.body());
            assertEquals("urn:salon-ess:problem:survey-not-found", problem.path("type").asText());
        } else {
            assertEquals(400, response.statusCode(), response.body());
            assertEquals("urn:salon-ess:problem:validation", problem.path("type").asText());
            assertEquals(parameter, problem.path("errors").path(0).path("field").asText(), response.body());
            assertEquals("/" + parameter, problem.path("errors").path(0).path("pointer").asText());
            assertEquals(1, problem.path("errors").size(), "only the over-long id is wrong: " + response.body());
        }
    }

    /** The route's sample event in {@code events/}: its body and the values of its other path ids. */
    private static JsonNode sample(String routeKey) {
        try (Stream<Path> files = Files.list(RepositoryLayout.root().resolve("events"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode event = Json.parse(Files.readString(file));
                if (routeKey.equals(event.path("routeKey").asText())) {
                    return event;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("No sample event in events/ for " + routeKey);
    }
}

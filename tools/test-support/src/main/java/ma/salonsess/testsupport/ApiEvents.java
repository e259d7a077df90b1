package ma.salonsess.testsupport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.HashMap;
import java.util.Map;
import ma.salonsess.localaws.RepositoryLayout;

/** The sample events under {@code events/}, as the handlers receive them, with changes a test needs. */
public final class ApiEvents {
    private ApiEvents() {
    }

    public static APIGatewayV2HTTPEvent load(String name) {
        return EventLoader.loadApiGatewayHttpEvent(RepositoryLayout.root().resolve("events").resolve(name).toString());
    }

    public static APIGatewayV2HTTPEvent withPathParameter(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> parameters = new HashMap<>(event.getPathParameters());
        String old = parameters.put(name, value);
        event.setPathParameters(parameters);
        if (old != null) {
            event.setRawPath(event.getRawPath().replace("/" + old, "/" + value));
        }
        return event;
    }

    public static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        event.setHeaders(headers);
        return event;
    }

    public static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }
}

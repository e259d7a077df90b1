package ma.salonsess.workshops;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.survey.SurveyRepository;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.signup.WorkshopSignups;
import ma.salonsess.shared.stream.StreamBatch;
import ma.salonsess.shared.workshop.WorkshopRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * When a registration is erased at its registrant's request, or deleted by the retention TTL,
 * its workshop signups go too (law 09-08): held seats pass to the people waiting, places in
 * line are left, signup records and agenda are deleted. Its survey goes too, or, if answered,
 * loses its link to the registrant and its free text.
 */
public final class ErasureHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final WorkshopSignups signups;
    private final SurveyRepository surveys;

    public ErasureHandler() {
        this(Env.system());
    }

    public ErasureHandler(Env env) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        WorkshopRepository workshops = new WorkshopRepository(dynamoDb, env.require("FAIRS_TABLE"));
        RegistrationRepository registrations = new RegistrationRepository(dynamoDb, env.require("REGISTRATIONS_TABLE"));
        this.signups = new WorkshopSignups(registrations, workshops,
                new SignupRepository(dynamoDb, env.require("SIGNUPS_TABLE"), workshops, registrations), Clock.systemUTC());
        this.surveys = new SurveyRepository(dynamoDb, env.require("SURVEYS_TABLE"));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachRecord(event, context, record -> {
            var keys = record.getDynamodb().getKeys();
            String sortKey = keys.get("sk").getS();
            if ("REMOVE".equals(record.getEventName()) && sortKey.startsWith("REG#")) {
                signups.forget(keys.get("fairId").getS(), sortKey.substring("REG#".length()));
                surveys.forget(keys.get("fairId").getS(), sortKey.substring("REG#".length()));
            }
        });
    }
}

package ma.salonsess.workshops;

import java.time.Clock;
import java.util.List;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.erasure.ErasureRetries;
import ma.salonsess.shared.erasure.Erasures;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.signup.WorkshopSignups;
import ma.salonsess.shared.survey.SurveyRepository;
import ma.salonsess.shared.workshop.WorkshopRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What erasing a registration's leftovers takes, for the erasure function and its replay alike. */
final class ErasureWiring {
    private ErasureWiring() {
    }

    static Erasures erasures(Env env, DynamoDbClient dynamoDb) {
        Clock clock = Clock.systemUTC();
        WorkshopRepository workshops = new WorkshopRepository(dynamoDb, env.require("FAIRS_TABLE"));
        RegistrationRepository registrations = new RegistrationRepository(dynamoDb, env.require("REGISTRATIONS_TABLE"));
        WorkshopSignups signups = new WorkshopSignups(registrations, workshops,
                new SignupRepository(dynamoDb, env.require("SIGNUPS_TABLE"), workshops, registrations), clock);
        SurveyRepository surveys = new SurveyRepository(dynamoDb, env.require("SURVEYS_TABLE"));
        return new Erasures(ErasureRetries.Part.SIGNUPS_AND_SURVEY, List.of(signups::forget, surveys::forget),
                new ErasureRetries(dynamoDb, env.require("ERASURE_RETRIES_TABLE")), clock);
    }
}

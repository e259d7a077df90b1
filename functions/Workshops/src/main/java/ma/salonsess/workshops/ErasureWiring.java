package ma.salonsess.workshops;

import java.time.Clock;
import java.util.List;
import ma.salonsess.shared.checkin.CheckinErasure;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.erasure.ErasureRetries;
import ma.salonsess.shared.erasure.Erasures;
import ma.salonsess.shared.signup.WorkshopSignups;
import ma.salonsess.shared.survey.SurveyRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What erasing a registration's leftovers takes, for the erasure function and its replay alike. */
final class ErasureWiring {
    private ErasureWiring() {
    }

    static Erasures erasures(Env env, DynamoDbClient dynamoDb) {
        Clock clock = Clock.systemUTC();
        Wiring wiring = new Wiring(env, dynamoDb);
        WorkshopSignups signups = new WorkshopSignups(wiring.registrations(), wiring.workshops(), wiring.signups(),
                clock);
        SurveyRepository surveys = wiring.surveys();
        CheckinErasure checkins = new CheckinErasure(wiring.fairs(), wiring.checkins(), clock);
        return new Erasures(ErasureRetries.Part.SIGNUPS_AND_SURVEY, List.of(signups::forget, surveys::forget,
                checkins::forget), wiring.erasureRetries(), clock);
    }
}

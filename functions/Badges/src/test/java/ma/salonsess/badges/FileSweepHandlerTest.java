package ma.salonsess.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.shared.config.Env;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** Print sheets and exports name registrants: every version goes within the hour after the first. */
@ExtendWith(LocalAwsExtension.class)
class FileSweepHandlerTest {

    @Test
    void sheetsAndExportsGoWithEveryVersionOnceAnHourOldAndBadgesStay(LocalAws aws) {
        Env env = aws.functionEnv("FileSweepFunction");
        String bucket = env.require("BADGE_BUCKET");
        String run = UUID.randomUUID().toString();
        String sheet = "sheets/" + run + "/print.pdf";
        String export = "exports/" + run + "/registrations.csv";
        String badge = "badges/" + run + "/badge.pdf";
        for (String key : List.of(sheet, sheet, export, badge)) {
            aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("Amina Alaoui"));
        }
        aws.s3().deleteObject(b -> b.bucket(bucket).key(export)); // a delete marker over the export
        // Compared with what is there, not with a count: a PUT the SDK retries under load is one more version.
        List<String> before = versionsUnder(aws, bucket, run);
        assertTrue(before.stream().filter((sheet + " version")::equals).count() >= 2
                && before.containsAll(List.of(export + " version", export + " marker", badge + " version")),
                "" + before);

        new FileSweepHandler(env, Clock.systemUTC()).handleRequest(Map.of(), LambdaContext.forTest());
        assertEquals(before, versionsUnder(aws, bucket, run),
                "fresh files stay (every version of the sheet, the export and its marker)");

        Clock inAnHour = Clock.fixed(Instant.now().plus(Duration.ofMinutes(61)), ZoneOffset.UTC);
        String result = new FileSweepHandler(env, inAnHour).handleRequest(Map.of(), LambdaContext.forTest());

        assertTrue(result.startsWith("deleted"), result);
        List<String> left = versionsUnder(aws, bucket, run);
        assertTrue(!left.isEmpty() && left.stream().allMatch((badge + " version")::equals), "only the badge is left: "
                + left);
    }

    private static List<String> versionsUnder(LocalAws aws, String bucket, String run) {
        List<String> found = new ArrayList<>();
        for (String prefix : List.of("sheets/", "exports/", "badges/")) {
            var listed = aws.s3().listObjectVersions(b -> b.bucket(bucket).prefix(prefix + run + "/"));
            listed.versions().forEach(v -> found.add(v.key() + " version"));
            listed.deleteMarkers().forEach(m -> found.add(m.key() + " marker"));
        }
        found.sort(null);
        return found;
    }
}

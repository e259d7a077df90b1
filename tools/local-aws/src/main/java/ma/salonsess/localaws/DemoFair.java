package ma.salonsess.localaws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.shared.workshop.Workshop;
import ma.salonsess.shared.workshop.WorkshopRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The demo fair of {@code local/demo-fair.json}: what the local run and the sample events use. */
public final class DemoFair {
    public static final String ID = "salon-national-ess-2026";

    private DemoFair() {
    }

    /** Writes the demo fair and its workshops; running it again changes nothing. */
    public static Fair seed(Path repositoryRoot, DynamoDbClient dynamoDb, String fairsTable) {
        JsonNode json;
        try {
            json = Json.parse(Files.readString(repositoryRoot.resolve("local/demo-fair.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read local/demo-fair.json", e);
        }
        List<String> organisers = new ArrayList<>();
        json.path("organiserEmails").forEach(e -> organisers.add(e.asText()));
        Fair fair = new Fair(json.path("fairId").asText(), text(json.path("name")), json.path("city").asText(),
                json.path("venue").asText(), LocalDate.parse(json.path("startDate").asText()),
                LocalDate.parse(json.path("endDate").asText()), ZoneId.of(json.path("timeZone").asText()),
                organisers, Language.fromCode(json.path("defaultLanguage").asText("fr")),
                strings(json.path("stewardEmails")), strings(json.path("supervisorEmails")),
                json.path("hallCapacity").asInt(0));
        new FairRepository(dynamoDb, fairsTable).save(fair);
        WorkshopRepository workshops = new WorkshopRepository(dynamoDb, fairsTable);
        for (JsonNode w : json.path("workshops")) {
            workshops.save(new Workshop(fair.fairId(), w.path("workshopId").asText(), text(w.path("title")),
                    w.path("description").isMissingNode() ? null : text(w.path("description")), w.path("room").asText(), OffsetDateTime.parse(w.path("startsAt").asText()),
                    OffsetDateTime.parse(w.path("endsAt").asText()), w.path("capacity").asInt(),
                    Language.fromCode(w.path("language").asText())));
        }
        return fair;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.asText()));
        return values;
    }

    private static LocalizedText text(JsonNode node) {
        return new LocalizedText(node.path("fr").asText(), node.path("ar").asText(null), node.path("en").asText(null));
    }
}

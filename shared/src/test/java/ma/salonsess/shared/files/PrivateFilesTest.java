package ma.salonsess.shared.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class PrivateFilesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T17:00:00Z");
    private final List<PutObjectRequest> puts = new ArrayList<>();
    /** Records what would be stored; signing needs no network. */
    private final S3Client s3 = new S3Client() {
        @Override
        public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            puts.add(request);
            return PutObjectResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }
    };
    private final S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_3)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
            .build();
    private final PrivateFiles files = new PrivateFiles(s3, presigner, "exports", Duration.ofMinutes(15),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void storedEncryptedAndLinkedForTheValidity() {
        var link = files.store("sheets/salon-x/a.pdf", "application/pdf", Optional.empty(),
                RequestBody.fromString("%PDF"));

        PutObjectRequest put = puts.getFirst();
        assertEquals("exports", put.bucket());
        assertEquals("sheets/salon-x/a.pdf", put.key());
        assertEquals("application/pdf", put.contentType());
        assertEquals(ServerSideEncryption.AES256, put.serverSideEncryption());
        assertEquals(NOW.plus(Duration.ofMinutes(15)), link.expiresAt());
        String query = URLDecoder.decode(URI.create(link.url()).getRawQuery(), StandardCharsets.UTF_8);
        assertTrue(URI.create(link.url()).getPath().endsWith("sheets/salon-x/a.pdf"), link.url());
        assertTrue(query.contains("X-Amz-Expires=900"), query);
        assertTrue(query.contains("response-content-type=application/pdf"), query);
        assertFalse(query.contains("response-content-disposition"), query);
    }

    @Test
    void aDownloadNameMakesItAnAttachment() {
        var link = files.store("exports/salon-x/b.csv", "text/csv; charset=utf-8",
                Optional.of("salon-x-inscriptions.csv"),
                RequestBody.fromString("a;b"));
        String query = URLDecoder.decode(URI.create(link.url()).getRawQuery(), StandardCharsets.UTF_8);
        assertTrue(query.contains("response-content-disposition=attachment; filename=\"salon-x-inscriptions.csv\""),
                query);
    }

    @Test
    void keysAreGroupedByFairAndUnguessable() {
        String one = PrivateFiles.newKey("exports", "salon-x", "csv");
        assertTrue(one.matches("exports/salon-x/[0-9a-f-]{36}\\.csv"), one);
        assertNotEquals(one, PrivateFiles.newKey("exports", "salon-x", "csv"));
    }
}

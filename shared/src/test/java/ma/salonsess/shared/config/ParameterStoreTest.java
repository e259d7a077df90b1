package ma.salonsess.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;

/** A setting is read at most once a minute, and a failing reload keeps the value read before. */
class ParameterStoreTest {
    private final AtomicReference<String> value = new AtomicReference<>("2026-11");
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<Boolean> down = new AtomicReference<>(false);
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    private final SsmClient ssm = new SsmClient() {
        @Override
        public GetParameterResponse getParameter(GetParameterRequest request) {
            reads.incrementAndGet();
            if (down.get()) {
                throw SdkClientException.create("SSM unreachable");
            }
            return GetParameterResponse.builder().parameter(p -> p.name(request.name()).value(value.get())).build();
        }

        @Override
        public String serviceName() {
            return "ssm";
        }

        @Override
        public void close() {
        }
    };

    private ParameterStore store() {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new ParameterStore(() -> ssm, clock);
    }

    @Test
    void aValueIsKeptAMinuteThenReadAgain() {
        ParameterStore store = store();
        assertEquals("2026-11", store.value("/s/privacy-notice-version"));
        value.set("2027-01");
        now = now.plusSeconds(59);
        assertEquals("2026-11", store.value("/s/privacy-notice-version"), "within the minute: no call");
        assertEquals(1, reads.get());
        now = now.plusSeconds(2);
        assertEquals("2027-01", store.value("/s/privacy-notice-version"));
    }

    @Test
    void aFailingReloadServesTheValueReadBeforeButAFirstReadFails() {
        ParameterStore store = store();
        assertEquals("2026-11", store.value("/s/sender-email"));
        down.set(true);
        now = now.plusSeconds(120);
        assertEquals("2026-11", store.value("/s/sender-email"), "SSM briefly down fails no registration");
        assertThrows(SdkClientException.class, () -> store.value("/s/never-read"));
    }
    @Test
    void aPrefetchedValueServesTheFirstReadWithOneCallAndStillExpiresAfterAMinute() {
        ParameterStore store = store();
        store.prefetch("/s/privacy-notice-version");
        assertEquals("2026-11", store.value("/s/privacy-notice-version"));
        assertEquals(1, reads.get(), "the first request waits for the read in flight, it does not read again");

        value.set("2026-12");
        now = now.plusSeconds(61);
        assertEquals("2026-12", store.value("/s/privacy-notice-version"), "a prefetched value is no fresher than any");
    }

    @Test
    void aFailedPrefetchIsReadAgainByTheFirstRequestWhichSaysWhy() {
        ParameterStore store = store();
        down.set(true);
        store.prefetch("/s/sender-email");
        assertThrows(SdkClientException.class, () -> store.value("/s/sender-email"));
        down.set(false);
        assertEquals("2026-11", store.value("/s/sender-email"));
    }
}

package ma.salonsess.shared.dynamo;

import java.util.Optional;

/**
 * What the sort and partition keys of the tables say, read back from a stream record's keys:
 * the registrations table holds a registration under {@code sk = REG#<registrationId>} (and other
 * items, such as email claims, beside it); the signups table a signup under
 * {@code pk = WS#<fairId>#<workshopId>}, {@code sk = S#<registrationId>}. Fair and workshop ids are
 * slugs and registration ids UUIDs ({@code validation.Ids}), so none contains a {@code #}.
 */
public final class TableKeys {
    public static final String REGISTRATION = "REG#";
    public static final String WORKSHOP = "WS#";
    public static final String SIGNUP = "S#";

    private TableKeys() {
    }

    /** A registration's item in the registrations table. */
    public record RegistrationKey(String fairId, String registrationId) {
        public String sortKey() {
            return REGISTRATION + registrationId;
        }
    }

    /** A signup's item in the signups table. */
    public record SignupKey(String fairId, String workshopId, String registrationId) {
        public String partitionKey() {
            return WORKSHOP + fairId + "#" + workshopId;
        }

        public String sortKey() {
            return SIGNUP + registrationId;
        }
    }

    /** The registration an item of the registrations table is, if it is one (an email claim is not). */
    public static Optional<RegistrationKey> registration(String fairId, String sortKey) {
        if (fairId == null || sortKey == null || !sortKey.startsWith(REGISTRATION)
                || sortKey.length() == REGISTRATION.length()) {
            return Optional.empty();
        }
        return Optional.of(new RegistrationKey(fairId, sortKey.substring(REGISTRATION.length())));
    }

    /** The signup an item of the signups table is, if it is one (an agenda item is not). */
    public static Optional<SignupKey> signup(String partitionKey, String sortKey) {
        if (partitionKey == null || sortKey == null || !partitionKey.startsWith(WORKSHOP)
                || !sortKey.startsWith(SIGNUP) || sortKey.length() == SIGNUP.length()) {
            return Optional.empty();
        }
        String[] ids = partitionKey.substring(WORKSHOP.length()).split("#", -1);
        if (ids.length != 2 || ids[0].isEmpty() || ids[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SignupKey(ids[0], ids[1], sortKey.substring(SIGNUP.length())));
    }
}

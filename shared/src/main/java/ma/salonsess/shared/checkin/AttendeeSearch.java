package ma.salonsess.shared.checkin;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;

/**
 * A supervisor's search for a badge left at home: by registration id, or by name (Latin or Arabic
 * script, any case and accents). Reads the fair's registrations page by page and stops at
 * {@link #MAX_MATCHES}; a fair of 100,000 registrations is read whole for a name nobody has.
 */
public final class AttendeeSearch {
    public static final int MAX_MATCHES = 20;
    private static final int PAGE = 500;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private final RegistrationRepository registrations;
    private final CheckinRepository checkins;

    /** A registrant found, and whether they entered today. */
    public record Match(Registration registration, boolean admittedToday) {
    }

    public AttendeeSearch(RegistrationRepository registrations, CheckinRepository checkins) {
        this.registrations = registrations;
        this.checkins = checkins;
    }

    public List<Match> search(String fairId, String query, LocalDate today) {
        String wanted = query.strip();
        List<Registration> found = new ArrayList<>();
        if (UUID.matcher(wanted.toLowerCase(Locale.ROOT)).matches()) {
            registrations.find(fairId, wanted.toLowerCase(Locale.ROOT)).ifPresent(found::add);
        } else {
            String folded = fold(wanted);
            Optional<String> after = Optional.empty();
            do {
                var page = registrations.page(fairId, after, PAGE);
                for (var listed : page.registrations()) {
                    if (found.size() < MAX_MATCHES && matches(listed.registration(), folded)) {
                        found.add(listed.registration());
                    }
                }
                after = page.next();
            } while (after.isPresent() && found.size() < MAX_MATCHES);
        }
        return found.stream().map(r -> new Match(r,
                checkins.entry(fairId, r.registrationId(), today).isPresent())).toList();
    }

    /** Whether every word of the query is in the registrant's names; pure. */
    static boolean matches(Registration r, String foldedQuery) {
        if (foldedQuery.isBlank()) {
            return false;
        }
        String names = fold(r.firstName() + " " + r.lastName() + " " + (r.arabicName() == null ? "" : r.arabicName()));
        for (String word : foldedQuery.split("\\s+")) {
            if (!names.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without accents (é to e) or Arabic short vowels, so a hurried search still finds. */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
